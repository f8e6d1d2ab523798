/* desk-audit-entry.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-types.h"

G_BEGIN_DECLS

#define DESK_TYPE_AUDIT_ENTRY (desk_audit_entry_get_type())

G_DECLARE_FINAL_TYPE (DeskAuditEntry, desk_audit_entry, DESK, AUDIT_ENTRY, GObject)

DeskAuditEntry *desk_audit_entry_new             (gint64          at,
                                                  const char     *actor,
                                                  const char     *kind,
                                                  const char     *record_uuid,
                                                  const char     *action,
                                                  const char     *before,
                                                  const char     *after);
gint64          desk_audit_entry_get_at          (DeskAuditEntry *self);
const char     *desk_audit_entry_get_actor       (DeskAuditEntry *self);
const char     *desk_audit_entry_get_kind        (DeskAuditEntry *self);
const char     *desk_audit_entry_get_record_uuid (DeskAuditEntry *self);
const char     *desk_audit_entry_get_action      (DeskAuditEntry *self);
const char     *desk_audit_entry_get_before      (DeskAuditEntry *self);
const char     *desk_audit_entry_get_after       (DeskAuditEntry *self);

G_END_DECLS
