/* desk-customer-list.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "desk-customer-row.h"
#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_CUSTOMER_LIST (desk_customer_list_get_type())

G_DECLARE_FINAL_TYPE (DeskCustomerList, desk_customer_list, DESK, CUSTOMER_LIST, GObject)

DeskCustomerList *desk_customer_list_new           (DeskStore            *store,
                                                    gint64                incident_id,
                                                    GError              **error);
gint64            desk_customer_list_get_incident_id (DeskCustomerList   *self);
void              desk_customer_list_set_search    (DeskCustomerList     *self,
                                                    const char           *search);
void              desk_customer_list_set_sort      (DeskCustomerList     *self,
                                                    DeskCustomerSort      sort,
                                                    gboolean              descending);
void              desk_customer_list_set_filter    (DeskCustomerList     *self,
                                                    DeskNoticeFilter      filter);
gboolean          desk_customer_list_reload        (DeskCustomerList     *self,
                                                    GError              **error);
void              desk_customer_list_reload_async  (DeskCustomerList     *self,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean          desk_customer_list_reload_finish (DeskCustomerList     *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

G_END_DECLS
