/* desk-due-list.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_DUE_LIST (desk_due_list_get_type())

G_DECLARE_FINAL_TYPE (DeskDueList, desk_due_list, DESK, DUE_LIST, AdwBin)

void   desk_due_list_set_deadlines  (DeskDueList *self,
                                     DeskStore   *store,
                                     GPtrArray   *deadlines);
void   desk_due_list_refresh        (DeskDueList *self);

guint       _desk_due_list_get_n_rows   (DeskDueList *self);
char       *_desk_due_list_dup_row_text (DeskDueList *self,
                                         guint        index);

G_END_DECLS
