/* desk-account-row.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "desk-types.h"

G_BEGIN_DECLS

#define DESK_TYPE_ACCOUNT_ROW (desk_account_row_get_type())

G_DECLARE_FINAL_TYPE (DeskAccountRow, desk_account_row, DESK, ACCOUNT_ROW, GObject)

DeskAccountRow *desk_account_row_new                (const char     *identifier,
                                                     const char     *contract_id,
                                                     const char     *customer_name,
                                                     DeskExposure    exposure,
                                                     gint64          categories,
                                                     gint64          updated_at);
const char     *desk_account_row_get_identifier     (DeskAccountRow *self);
const char     *desk_account_row_get_contract_id    (DeskAccountRow *self);
const char     *desk_account_row_get_customer_name  (DeskAccountRow *self);
DeskExposure    desk_account_row_get_exposure       (DeskAccountRow *self);
gint64          desk_account_row_get_categories     (DeskAccountRow *self);
gint64          desk_account_row_get_updated_at     (DeskAccountRow *self);

G_END_DECLS
