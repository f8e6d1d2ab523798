/* desk-overview-page-private.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-figure-history.h"
#include "desk-obligations-group.h"
#include "desk-overview-page.h"

G_BEGIN_DECLS

/* For tests: the figure cards are "potential", "confirmed", "unique" and "notified"; the rows of
 * the incident's fields are named by field ("title", "status", "detected-at",
 * "estimated-potential", …) */
const char  *_desk_overview_page_get_figure           (DeskOverviewPage *self,
                                                       const char       *name);
gboolean     _desk_overview_page_figure_is_estimate   (DeskOverviewPage *self,
                                                       const char       *name);
GtkWidget   *_desk_overview_page_get_field_row        (DeskOverviewPage *self,
                                                       const char       *field);
GtkTextView *_desk_overview_page_get_summary_view     (DeskOverviewPage *self);
GtkWidget   *_desk_overview_page_get_add_category_button (DeskOverviewPage *self);
guint        _desk_overview_page_get_n_categories     (DeskOverviewPage *self);
GtkWidget   *_desk_overview_page_get_category_row     (DeskOverviewPage *self,
                                                       guint             index);
gboolean     _desk_overview_page_is_busy              (DeskOverviewPage *self);
DeskObligationsGroup *_desk_overview_page_get_obligations_group (DeskOverviewPage *self);
DeskFigureHistory    *_desk_overview_page_get_figure_history    (DeskOverviewPage *self);

G_END_DECLS
