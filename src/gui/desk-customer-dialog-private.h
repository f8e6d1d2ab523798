/* desk-customer-dialog-private.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-customer-dialog.h"

G_BEGIN_DECLS

/* For tests */
GtkEditable *_desk_customer_dialog_get_contract_row (DeskCustomerDialog *self);
GtkEditable *_desk_customer_dialog_get_name_row     (DeskCustomerDialog *self);
GtkEditable *_desk_customer_dialog_get_manager_row  (DeskCustomerDialog *self);
const char  *_desk_customer_dialog_get_error        (DeskCustomerDialog *self);
gboolean     _desk_customer_dialog_is_saving        (DeskCustomerDialog *self);
void         _desk_customer_dialog_set_category     (DeskCustomerDialog *self,
                                                     guint               index,
                                                     gboolean            active);

G_END_DECLS
