/* desk-customer-list-view.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-customer-list.h"

G_BEGIN_DECLS

#define DESK_TYPE_CUSTOMER_LIST_VIEW (desk_customer_list_view_get_type())

G_DECLARE_FINAL_TYPE (DeskCustomerListView, desk_customer_list_view, DESK, CUSTOMER_LIST_VIEW,
                      AdwBin)

gboolean           desk_customer_list_view_shows_incident  (DeskCustomerListView  *self,
                                                            DeskStore             *store,
                                                            gint64                 incident_id);
gboolean           desk_customer_list_view_set_incident    (DeskCustomerListView  *self,
                                                            DeskStore             *store,
                                                            gint64                 incident_id,
                                                            GError               **error);
void               desk_customer_list_view_reload          (DeskCustomerListView  *self);
gboolean           desk_customer_list_view_is_loaded       (DeskCustomerListView  *self);
gboolean           desk_customer_list_view_is_filtered     (DeskCustomerListView  *self);
DeskCustomerList  *desk_customer_list_view_get_list        (DeskCustomerListView  *self);
guint              desk_customer_list_view_get_n_items     (DeskCustomerListView  *self);
guint              desk_customer_list_view_get_n_selected  (DeskCustomerListView  *self);
GtkSelectionModel *desk_customer_list_view_get_selection   (DeskCustomerListView  *self);
GtkColumnView     *desk_customer_list_view_get_column_view (DeskCustomerListView  *self);
DeskCustomerRow   *desk_customer_list_view_get_menu_row    (DeskCustomerListView  *self);
GMenuModel        *desk_customer_list_view_get_menu_model  (DeskCustomerListView  *self);
void               desk_customer_list_view_set_menu_model  (DeskCustomerListView  *self,
                                                            GMenuModel            *menu_model);

G_END_DECLS
