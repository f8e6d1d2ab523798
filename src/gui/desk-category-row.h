/* desk-category-row.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-records.h"

G_BEGIN_DECLS

#define DESK_TYPE_CATEGORY_ROW (desk_category_row_get_type())

G_DECLARE_FINAL_TYPE (DeskCategoryRow, desk_category_row, DESK, CATEGORY_ROW, AdwEntryRow)

GtkWidget     *desk_category_row_new           (DeskCategory    *category);
DeskCategory  *desk_category_row_get_category  (DeskCategoryRow *self);
gint64         desk_category_row_get_contracts (DeskCategoryRow *self);
void           desk_category_row_set_contracts (DeskCategoryRow *self,
                                                gint64           contracts);
char          *desk_category_row_dup_name      (DeskCategoryRow *self);
void           desk_category_row_set_invalid   (DeskCategoryRow *self,
                                                const char      *message);

G_END_DECLS
