/* desk-chart-view.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskChartView shows a DeskChart: a thin shell around desk_chart_draw(), which the PDF report
 * draws with too. It gives the chart the theme's colours (the accent and warning colours for the
 * two series, a blue and an orange or yellow that stay apart for the common kinds of colour
 * blindness, the error colour for the deadlines) and its own font, draws again when the style
 * changes (dark mode), and tells screen readers in words what the chart shows. */

#define G_LOG_DOMAIN "desk-chart-view"

#include "config.h"

#include "desk-chart-view.h"

struct _DeskChartView
{
  GtkWidget  parent_instance;

  /* Owned */
  DeskChart *chart;
};

G_DEFINE_FINAL_TYPE (DeskChartView, desk_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers {{{ */

/* The theme's named colours, which GTK 4.8 gives through the style context. */
static void
lookup_colour (GtkStyleContext *context,
               const char      *name,
               double           alpha,
               DeskChartColour *colour)
{
  GdkRGBA rgba = { 0.5, 0.5, 0.5, 1 };

  gtk_style_context_lookup_color (context, name, &rgba);

  colour->red = rgba.red;
  colour->green = rgba.green;
  colour->blue = rgba.blue;
  colour->alpha = rgba.alpha * alpha;
}

static void
get_style (DeskChartView  *self,
           DeskChartStyle *style)
{
  PangoContext *pango_context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  GtkStyleContext *context;

  context = gtk_widget_get_style_context (GTK_WIDGET (self));

  lookup_colour (context, "window_fg_color", 0.8, &style->text);
  lookup_colour (context, "window_fg_color", 0.15, &style->grid);
  lookup_colour (context, "accent_color", 1, &style->series[0]);
  lookup_colour (context, "warning_color", 1, &style->series[1]);
  lookup_colour (context, "window_fg_color", 0.6, &style->target);
  lookup_colour (context, "error_color", 1, &style->marker);
  /* The widget's font at the widget's resolution: text scaling applies to the chart too. */
  style->font = pango_context_get_font_description (pango_context);
  style->resolution = MAX (pango_cairo_context_get_resolution (pango_context), 0);
}

static void
update_accessible (DeskChartView *self)
{
  g_autofree char *description = self->chart ? desk_chart_describe (self->chart) : NULL;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->chart ? desk_chart_get_title (self->chart) : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description ? description : "",
                                  -1);
}

/* }}} */
/* GtkWidget {{{ */

static void
desk_chart_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  DeskChartView *self = DESK_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  DeskChartStyle style;
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  get_style (self, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  desk_chart_draw (self->chart, cr, width, height, &style);
  cairo_destroy (cr);
}

/* A change of theme or of dark mode changes the colours the chart is drawn in. */
static void
desk_chart_view_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (desk_chart_view_parent_class)->css_changed (widget, change);

  gtk_widget_queue_draw (widget);
}

/* }}} */
/* GObject {{{ */

static void
desk_chart_view_dispose (GObject *object)
{
  DeskChartView *self = DESK_CHART_VIEW (object);

  g_clear_object (&self->chart);

  G_OBJECT_CLASS (desk_chart_view_parent_class)->dispose (object);
}

static void
desk_chart_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DeskChartView *self = DESK_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_chart_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DeskChartView *self = DESK_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      desk_chart_view_set_chart (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
desk_chart_view_class_init (DeskChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_chart_view_dispose;
  object_class->get_property = desk_chart_view_get_property;
  object_class->set_property = desk_chart_view_set_property;

  widget_class->snapshot = desk_chart_view_snapshot;
  widget_class->css_changed = desk_chart_view_css_changed;

  /**
   * DeskChartView:chart:
   *
   * The chart shown; %NULL for none.
   */
  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL, DESK_TYPE_CHART,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
desk_chart_view_init (DeskChartView *self)
{
  update_accessible (self);
}

/* }}} */
/* Public API {{{ */

GtkWidget *
desk_chart_view_new (void)
{
  return g_object_new (DESK_TYPE_CHART_VIEW, NULL);
}

/* Returns: (transfer none) (nullable): the chart shown */
DeskChart *
desk_chart_view_get_chart (DeskChartView *self)
{
  g_return_val_if_fail (DESK_IS_CHART_VIEW (self), NULL);

  return self->chart;
}

void
desk_chart_view_set_chart (DeskChartView *self,
                           DeskChart     *chart)
{
  g_return_if_fail (DESK_IS_CHART_VIEW (self));
  g_return_if_fail (chart == NULL || DESK_IS_CHART (chart));

  if (!g_set_object (&self->chart, chart))
    return;

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

/* }}} */
