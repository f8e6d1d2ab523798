/* desk-conflict.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-types.h"

G_BEGIN_DECLS

#define DESK_TYPE_CONFLICT (desk_conflict_get_type())

G_DECLARE_FINAL_TYPE (DeskConflict, desk_conflict, DESK, CONFLICT, GObject)

DeskConflict *desk_conflict_new              (gint64        id,
                                              const char   *kind,
                                              const char   *record_uuid,
                                              const char   *record_title,
                                              const char   *field,
                                              const char   *local,
                                              const char   *remote,
                                              gint64        detected_at);
void          desk_conflict_set_authors      (DeskConflict *self,
                                              const char   *local_actor,
                                              gint64        local_at,
                                              const char   *remote_actor,
                                              gint64        remote_at);
gint64        desk_conflict_get_id           (DeskConflict *self);
const char   *desk_conflict_get_kind         (DeskConflict *self);
const char   *desk_conflict_get_record_uuid  (DeskConflict *self);
const char   *desk_conflict_get_record_title (DeskConflict *self);
const char   *desk_conflict_get_field        (DeskConflict *self);
const char   *desk_conflict_get_local        (DeskConflict *self);
const char   *desk_conflict_get_remote       (DeskConflict *self);
char         *desk_conflict_dup_local_text   (DeskConflict *self);
char         *desk_conflict_dup_remote_text  (DeskConflict *self);
gint64        desk_conflict_get_detected_at  (DeskConflict *self);
const char   *desk_conflict_get_local_actor  (DeskConflict *self);
gint64        desk_conflict_get_local_at     (DeskConflict *self);
const char   *desk_conflict_get_remote_actor (DeskConflict *self);
gint64        desk_conflict_get_remote_at    (DeskConflict *self);

G_END_DECLS
