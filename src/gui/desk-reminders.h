/* desk-reminders.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_REMINDERS (desk_reminders_get_type())

G_DECLARE_FINAL_TYPE (DeskReminders, desk_reminders, DESK, REMINDERS, GObject)

DeskReminders *desk_reminders_new                 (DeskStore     *store,
                                                   GSettings     *settings);
void           desk_reminders_check               (DeskReminders *self);
gboolean       desk_reminders_is_checking         (DeskReminders *self);
GNotification *desk_reminders_create_notification (const char    *title,
                                                   const char    *body,
                                                   const char    *incident_uuid,
                                                   gboolean       urgent);

G_END_DECLS
