/* desk-chart.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "desk-deadline.h"

G_BEGIN_DECLS

/* Lines a chart can tell apart by their dashes as well as by their colour. */
#define DESK_CHART_MAX_SERIES 2

typedef struct
{
  double red, green, blue, alpha;
} DeskChartColour;

/**
 * DeskChartStyle:
 * @text: labels and axes
 * @grid: the grid and the frame of the plot
 * @series: the lines of the series, in the order they were added
 * @target: the line of the total to reach
 * @marker: the vertical lines of the deadlines
 * @font: (nullable): the labels' font; %NULL for a 9 pt sans-serif
 * @resolution: the dots per inch of @font's points: 72 where a unit is a point (PDF), 0 for
 *   Pango's 96 where it is a pixel (the screen)
 *
 * What a chart is drawn with: the window passes its theme's colours, the PDF its paper's.
 */
typedef struct
{
  DeskChartColour              text;
  DeskChartColour              grid;
  DeskChartColour              series[DESK_CHART_MAX_SERIES];
  DeskChartColour              target;
  DeskChartColour              marker;
  const PangoFontDescription  *font;
  double                       resolution;
} DeskChartStyle;

#define DESK_TYPE_CHART (desk_chart_get_type())

G_DECLARE_FINAL_TYPE (DeskChart, desk_chart, DESK, CHART, GObject)

DeskChart  *desk_chart_new            (const char           *title,
                                       GTimeZone            *zone);
const char *desk_chart_get_title      (DeskChart            *self);
guint       desk_chart_add_series     (DeskChart            *self,
                                       const char           *label,
                                       gboolean              from_zero);
void        desk_chart_add_point      (DeskChart            *self,
                                       guint                 series,
                                       gint64                time,
                                       double                value);
void        desk_chart_set_target     (DeskChart            *self,
                                       double                value,
                                       const char           *label);
void        desk_chart_add_marker     (DeskChart            *self,
                                       gint64                time,
                                       const char           *label);
void        desk_chart_set_now        (DeskChart            *self,
                                       gint64                now);
gboolean    desk_chart_is_empty       (DeskChart            *self);
char       *desk_chart_describe       (DeskChart            *self);
void        desk_chart_draw           (DeskChart            *self,
                                       cairo_t              *cr,
                                       double                width,
                                       double                height,
                                       const DeskChartStyle *style);

DeskChart  *desk_chart_new_notice_progress (const DeskNoticeProgress *progress,
                                       GPtrArray            *deadlines,
                                       GTimeZone            *zone,
                                       gint64                now);
DeskChart  *desk_chart_new_figures    (GPtrArray            *figures,
                                       GTimeZone            *zone,
                                       gint64                now);

void        desk_chart_style_init_paper (DeskChartStyle     *style);

G_END_DECLS
