/* desk-chart-view.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "desk-chart.h"

G_BEGIN_DECLS

#define DESK_TYPE_CHART_VIEW (desk_chart_view_get_type())

G_DECLARE_FINAL_TYPE (DeskChartView, desk_chart_view, DESK, CHART_VIEW, GtkWidget)

GtkWidget *desk_chart_view_new       (void);
DeskChart *desk_chart_view_get_chart (DeskChartView *self);
void       desk_chart_view_set_chart (DeskChartView *self,
                                      DeskChart     *chart);

G_END_DECLS
