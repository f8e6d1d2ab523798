/* desk-accounts-page-private.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-accounts-page.h"

G_BEGIN_DECLS

/* For tests */
GtkColumnView *_desk_accounts_page_get_column_view  (DeskAccountsPage *self);
GListModel    *_desk_accounts_page_get_list         (DeskAccountsPage *self);
GtkEditable   *_desk_accounts_page_get_search_entry (DeskAccountsPage *self);
void           _desk_accounts_page_set_contains     (DeskAccountsPage *self,
                                                     gboolean          contains);
const char    *_desk_accounts_page_get_state        (DeskAccountsPage *self);
const char    *_desk_accounts_page_get_count_text   (DeskAccountsPage *self);
const char    *_desk_accounts_page_get_customer_text (DeskAccountsPage *self);
gboolean       _desk_accounts_page_is_building      (DeskAccountsPage *self);

G_END_DECLS
