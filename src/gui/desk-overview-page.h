/* desk-overview-page.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-incident-page.h"

G_BEGIN_DECLS

#define DESK_TYPE_OVERVIEW_PAGE (desk_overview_page_get_type())

G_DECLARE_FINAL_TYPE (DeskOverviewPage, desk_overview_page, DESK, OVERVIEW_PAGE, DeskIncidentPage)

GtkWindow *desk_overview_page_add_obligation (DeskOverviewPage *self);

G_END_DECLS
