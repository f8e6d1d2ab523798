/* desk-checklist-item-row.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-records.h"

G_BEGIN_DECLS

#define DESK_TYPE_CHECKLIST_ITEM_ROW (desk_checklist_item_row_get_type())

G_DECLARE_FINAL_TYPE (DeskChecklistItemRow, desk_checklist_item_row,
                      DESK, CHECKLIST_ITEM_ROW, AdwExpanderRow)

GtkWidget         *desk_checklist_item_row_new          (DeskChecklistItem    *item,
                                                         gint64                now);
DeskChecklistItem *desk_checklist_item_row_get_item     (DeskChecklistItemRow *self);
void               desk_checklist_item_row_set_now      (DeskChecklistItemRow *self,
                                                         gint64                now);
void               desk_checklist_item_row_set_neighbours (DeskChecklistItemRow *self,
                                                         gboolean              has_previous,
                                                         gboolean              has_next);
gboolean           desk_checklist_item_row_is_overdue   (DeskChecklistItemRow *self);

/* For tests */
GtkCheckButton    *_desk_checklist_item_row_get_done_check (DeskChecklistItemRow *self);

G_END_DECLS
