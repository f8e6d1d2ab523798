/* desk-customer-list-view-private.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-customer-list-view.h"

G_BEGIN_DECLS

/* For the pages' test accessors */
GtkEditable *_desk_customer_list_view_get_search_entry    (DeskCustomerListView *self);
GtkDropDown *_desk_customer_list_view_get_filter_dropdown (DeskCustomerListView *self);
const char  *_desk_customer_list_view_get_state           (DeskCustomerListView *self);
const char  *_desk_customer_list_view_get_count_text      (DeskCustomerListView *self);
void         _desk_customer_list_view_popup_row_menu      (DeskCustomerListView *self,
                                                           double                x,
                                                           double                y);
GtkPopover  *_desk_customer_list_view_get_row_popover     (DeskCustomerListView *self);

G_END_DECLS
