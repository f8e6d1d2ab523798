/* desk-obligations-group.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-edit-queue.h"

G_BEGIN_DECLS

#define DESK_TYPE_OBLIGATIONS_GROUP (desk_obligations_group_get_type())

G_DECLARE_FINAL_TYPE (DeskObligationsGroup, desk_obligations_group,
                      DESK, OBLIGATIONS_GROUP, AdwPreferencesGroup)

void        desk_obligations_group_set_edit_queue (DeskObligationsGroup *self,
                                                   DeskEditQueue        *edits);
void        desk_obligations_group_reload         (DeskObligationsGroup *self,
                                                   gboolean              announce_moves);
void        desk_obligations_group_clear          (DeskObligationsGroup *self);
GtkWindow  *desk_obligations_group_open_dialog    (DeskObligationsGroup *self);

/* For tests */
GtkWidget  *_desk_obligations_group_get_add_button (DeskObligationsGroup *self);
guint       _desk_obligations_group_get_n_rows    (DeskObligationsGroup *self);
GtkWidget  *_desk_obligations_group_get_row       (DeskObligationsGroup *self,
                                                   guint                 index);

G_END_DECLS
