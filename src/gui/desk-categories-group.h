/* desk-categories-group.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-edit-queue.h"
#include "desk-stats.h"

G_BEGIN_DECLS

#define DESK_TYPE_CATEGORIES_GROUP (desk_categories_group_get_type())

G_DECLARE_FINAL_TYPE (DeskCategoriesGroup, desk_categories_group,
                      DESK, CATEGORIES_GROUP, AdwPreferencesGroup)

void        desk_categories_group_set_edit_queue   (DeskCategoriesGroup *self,
                                                    DeskEditQueue       *edits);
void        desk_categories_group_reload           (DeskCategoriesGroup *self);
void        desk_categories_group_clear            (DeskCategoriesGroup *self);
void        desk_categories_group_set_stats        (DeskCategoriesGroup *self,
                                                    const DeskStats     *stats);

/* For tests */
GtkWidget  *_desk_categories_group_get_add_button  (DeskCategoriesGroup *self);
guint       _desk_categories_group_get_n_categories (DeskCategoriesGroup *self);
GtkWidget  *_desk_categories_group_get_row         (DeskCategoriesGroup *self,
                                                    guint                index);

G_END_DECLS
