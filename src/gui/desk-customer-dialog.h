/* desk-customer-dialog.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "desk-customer-row.h"
#include "desk-store.h"

G_BEGIN_DECLS

#define DESK_TYPE_CUSTOMER_DIALOG (desk_customer_dialog_get_type())

G_DECLARE_FINAL_TYPE (DeskCustomerDialog, desk_customer_dialog, DESK, CUSTOMER_DIALOG, AdwWindow)

DeskCustomerDialog *desk_customer_dialog_new          (GtkWindow        *parent,
                                                       DeskStore        *store,
                                                       DeskIncident     *incident,
                                                       GPtrArray        *categories,
                                                       DeskCustomerRow  *row);
DeskCustomerRow    *desk_customer_dialog_get_row      (DeskCustomerDialog *self);
DeskCustomer       *desk_customer_dialog_get_customer (DeskCustomerDialog *self);

G_END_DECLS
