/* desk-history-page-private.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-history-page.h"

G_BEGIN_DECLS

/* What the Add Event popover and the lines' Remove buttons do, callable from tests. */
gboolean     _desk_history_page_add_event        (DeskHistoryPage *self,
                                                  const char      *text,
                                                  const char      *when,
                                                  GError         **error);
void         _desk_history_page_remove_event     (DeskHistoryPage *self,
                                                  DeskEvent       *event);

/* For tests */
const char  *_desk_history_page_get_visible_state (DeskHistoryPage *self);
GListModel  *_desk_history_page_get_lines        (DeskHistoryPage *self);

G_END_DECLS
