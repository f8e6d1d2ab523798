/* desk-remediation-text.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-types.h"

G_BEGIN_DECLS

gboolean  desk_item_status_is_complete  (DeskItemStatus  status);
gboolean  desk_item_is_overdue          (gint64          due_at,
                                         DeskItemStatus  status,
                                         gint64          now);
char     *desk_item_due_text            (gint64          due_at,
                                         DeskItemStatus  status,
                                         gint64          done_at,
                                         gint64          now);
char     *desk_checklist_progress_text  (guint           n_complete,
                                         guint           n_items);

G_END_DECLS
