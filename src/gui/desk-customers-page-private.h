/* desk-customers-page-private.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-customer-dialog.h"
#include "desk-customers-page.h"

G_BEGIN_DECLS

/* For tests */
GtkColumnView      *_desk_customers_page_get_column_view   (DeskCustomersPage *self);
GListModel         *_desk_customers_page_get_list          (DeskCustomersPage *self);
GtkEditable        *_desk_customers_page_get_search_entry  (DeskCustomersPage *self);
GtkDropDown        *_desk_customers_page_get_filter_dropdown (DeskCustomersPage *self);
const char         *_desk_customers_page_get_state         (DeskCustomersPage *self);
const char         *_desk_customers_page_get_count_text    (DeskCustomersPage *self);
DeskCustomerDialog *_desk_customers_page_open_dialog       (DeskCustomersPage *self,
                                                            guint              position);
void                _desk_customers_page_remove            (DeskCustomersPage *self,
                                                            guint              position);
void                _desk_customers_page_popup_row_menu    (DeskCustomersPage *self,
                                                            double             x,
                                                            double             y);
GtkPopover         *_desk_customers_page_get_row_popover   (DeskCustomersPage *self);
guint               _desk_customers_page_get_selected      (DeskCustomersPage *self);

G_END_DECLS
