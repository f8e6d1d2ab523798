/* desk-checklist-view.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-checklist-item-row.h"
#include "desk-records.h"

G_BEGIN_DECLS

#define DESK_TYPE_CHECKLIST_VIEW (desk_checklist_view_get_type())

G_DECLARE_FINAL_TYPE (DeskChecklistView, desk_checklist_view, DESK, CHECKLIST_VIEW, GtkBox)

GtkWidget            *desk_checklist_view_new               (DeskChecklist     *checklist);
DeskChecklist        *desk_checklist_view_get_checklist     (DeskChecklistView *self);
void                  desk_checklist_view_set_items         (DeskChecklistView *self,
                                                             GPtrArray         *items,
                                                             gint64             now);
guint                 desk_checklist_view_get_n_items       (DeskChecklistView *self);
DeskChecklistItemRow *desk_checklist_view_get_item_row      (DeskChecklistView *self,
                                                             guint              index);
const char           *desk_checklist_view_get_progress_text (DeskChecklistView *self);
void                  desk_checklist_view_start_renaming    (DeskChecklistView *self);
void                  desk_checklist_view_reveal            (DeskChecklistView *self);

G_END_DECLS
