/* desk-customer-row.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-records.h"

G_BEGIN_DECLS

#define DESK_TYPE_CUSTOMER_ROW (desk_customer_row_get_type())

G_DECLARE_FINAL_TYPE (DeskCustomerRow, desk_customer_row, DESK, CUSTOMER_ROW, GObject)

DeskCustomerRow  *desk_customer_row_new                    (DeskAffected     *affected,
                                                            DeskCustomer     *customer,
                                                            DeskNotification *notification,
                                                            gint64            potential_accounts,
                                                            gint64            confirmed_accounts);
DeskAffected     *desk_customer_row_get_affected           (DeskCustomerRow  *self);
DeskCustomer     *desk_customer_row_get_customer           (DeskCustomerRow  *self);
DeskNotification *desk_customer_row_get_notification       (DeskCustomerRow  *self);
gint64            desk_customer_row_get_potential_accounts (DeskCustomerRow  *self);
gint64            desk_customer_row_get_confirmed_accounts (DeskCustomerRow  *self);

G_END_DECLS
