/* desk-accounts-page.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-incident-page.h"

G_BEGIN_DECLS

#define DESK_TYPE_ACCOUNTS_PAGE (desk_accounts_page_get_type())

G_DECLARE_FINAL_TYPE (DeskAccountsPage, desk_accounts_page, DESK, ACCOUNTS_PAGE, DeskIncidentPage)

void    desk_accounts_page_set_customer    (DeskAccountsPage *self,
                                            gint64            customer_id,
                                            const char       *contract_id,
                                            const char       *name);
void    desk_accounts_page_show_customer   (DeskAccountsPage *self,
                                            gint64            customer_id,
                                            const char       *contract_id,
                                            const char       *name);
gint64  desk_accounts_page_get_customer_id (DeskAccountsPage *self);

G_END_DECLS
