/* desk-chart.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskChart is a chart of counts over time, drawn with Cairo and Pango onto any cairo_t: the
 * window's chart widgets and the PDF status report draw the same picture, each with its own
 * colours. It holds up to two series drawn as steps (a count holds until it changes: contracts
 * notified, accounts confirmed), a horizontal line for a total to reach, and vertical lines for
 * deadlines, each labelled along its line.
 *
 * Nothing is told by colour alone: the series differ by their dashes too, the total is dotted,
 * a legend names each line, and desk_chart_describe() says in words what the chart shows, for
 * screen readers. */

#define G_LOG_DOMAIN "desk-chart"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "desk-chart.h"
#include "desk-labels.h"
#include "desk-time.h"

#define SECONDS_PER_HOUR 3600
#define SECONDS_PER_DAY  (24 * SECONDS_PER_HOUR)

/* Geometry, in units of the surface (pixels on screen, points on paper) */
#define PAD              6.0
#define TICK_GAP         4.0
#define LABEL_GAP        3.0
#define LEGEND_SWATCH    18.0
#define LEGEND_ITEM_GAP  14.0
#define LINE_WIDTH       2.0
#define POINT_SIZE       7.0
#define MIN_TICK_SPACING 90.0

typedef struct
{
  gint64 time;
  double value;
} Point;

typedef struct
{
  char     *label;
  gboolean  from_zero;
  GArray   *points;   /* Point */
} Series;

typedef struct
{
  gint64  time;
  char   *label;
} Marker;

struct _DeskChart
{
  GObject     parent_instance;

  char       *title;
  GTimeZone  *zone;
  GPtrArray  *series;    /* Series */
  GArray     *markers;   /* Marker */
  char       *target_label;
  double      target;
  gint64      now;
};

G_DEFINE_FINAL_TYPE (DeskChart, desk_chart, G_TYPE_OBJECT)

/* The plot area and the scales, worked out for one drawing. */
typedef struct
{
  double  left, top, right, bottom;
  gint64  start, end;
  double  max;
  double  step;   /* between the value ticks */
} Frame;

typedef enum
{
  LINE_SOLID,
  LINE_DASHED,
  LINE_DOTTED,
} LineKind;

/* Helpers {{{ */

static void
series_free (gpointer data)
{
  Series *series = data;

  g_free (series->label);
  g_array_unref (series->points);
  g_free (series);
}

static void
marker_clear (gpointer data)
{
  g_free (((Marker *) data)->label);
}

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  gint64 ta = ((const Point *) a)->time;
  gint64 tb = ((const Point *) b)->time;

  return ta < tb ? -1 : ta > tb;
}

static int
compare_markers (gconstpointer a,
                 gconstpointer b)
{
  gint64 ta = ((const Marker *) a)->time;
  gint64 tb = ((const Marker *) b)->time;

  return ta < tb ? -1 : ta > tb;
}

static void
set_colour (cairo_t               *cr,
            const DeskChartColour *colour)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha);
}

static void
set_line (cairo_t  *cr,
          LineKind  kind,
          double    width)
{
  static const double dashed[] = { 6.0, 3.0 };
  static const double dotted[] = { 1.5, 3.0 };

  cairo_set_line_width (cr, width);
  cairo_set_line_cap (cr, kind == LINE_DOTTED ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
  switch (kind)
    {
    case LINE_SOLID:
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    case LINE_DASHED:
      cairo_set_dash (cr, dashed, G_N_ELEMENTS (dashed), 0);
      break;
    case LINE_DOTTED:
      cairo_set_dash (cr, dotted, G_N_ELEMENTS (dotted), 0);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* The first series is solid, the second dashed: told apart without their colours. */
static LineKind
series_line (guint index)
{
  return index == 0 ? LINE_SOLID : LINE_DASHED;
}

/* Lines one pixel wide fall on pixel centres, so that they stay sharp and one pixel wide. */
static double
crisp (double x)
{
  return floor (x) + 0.5;
}

static PangoLayout *
new_layout (cairo_t              *cr,
            const DeskChartStyle *style,
            const char           *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) fallback = NULL;

  if (style->font != NULL)
    pango_layout_set_font_description (layout, style->font);
  else
    {
      fallback = pango_font_description_from_string ("Sans 9");
      pango_layout_set_font_description (layout, fallback);
    }

  if (style->resolution > 0)
    {
      pango_cairo_context_set_resolution (pango_layout_get_context (layout), style->resolution);
      pango_layout_context_changed (layout);
    }

  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

static GDateTime *
in_zone (DeskChart *self,
         gint64     time)
{
  return desk_time_in_zone (time, self->zone);
}

static char *
format_time (DeskChart *self,
             gint64     time)
{
  g_autoptr(GDateTime) local = in_zone (self, time);

  /* Translators: a day and a time of day in a chart's description, e.g. "17 Apr 2026 09:00";
   * see the GLib documentation of g_date_time_format() for the codes */
  return g_date_time_format (local, _("%-d %b %Y %H:%M"));
}

/* A round step between ticks for a scale up to @max with about @n ticks: 1, 2 or 5 times a
 * power of ten, and never less than one (counts are whole). */
static double
nice_step (double max,
           guint  n)
{
  double rough = max / MAX (n, 1);
  double power, fraction;

  if (rough <= 1)
    return 1;

  power = pow (10, floor (log10 (rough)));
  fraction = rough / power;
  if (fraction <= 1)
    return power;
  if (fraction <= 2)
    return 2 * power;
  if (fraction <= 5)
    return 5 * power;
  return 10 * power;
}

static void
draw_point (cairo_t *cr,
            guint    index,
            double   x,
            double   y)
{
  if (index == 0)
    cairo_arc (cr, x, y, POINT_SIZE / 2, 0, 2 * G_PI);
  else
    cairo_rectangle (cr, x - POINT_SIZE / 2, y - POINT_SIZE / 2, POINT_SIZE, POINT_SIZE);
  cairo_fill (cr);
}

/* }}} */
/* Scales {{{ */

/* The span of time the chart covers: every point, deadline and now, with a margin. */
static void
get_time_range (DeskChart *self,
                gint64    *start,
                gint64    *end)
{
  gboolean any = FALSE;
  gint64 lo = 0, hi = 0, margin;

#define TAKE(t) G_STMT_START {                     \
    gint64 t_ = (t);                                \
    lo = any ? MIN (lo, t_) : t_;                   \
    hi = any ? MAX (hi, t_) : t_;                   \
    any = TRUE;                                     \
  } G_STMT_END

  for (guint i = 0; i < self->series->len; i++)
    {
      Series *series = g_ptr_array_index (self->series, i);

      for (guint j = 0; j < series->points->len; j++)
        TAKE (g_array_index (series->points, Point, j).time);
    }
  for (guint i = 0; i < self->markers->len; i++)
    TAKE (g_array_index (self->markers, Marker, i).time);
  if (self->now != 0)
    TAKE (self->now);

#undef TAKE

  /* A single moment still spans a day around it. */
  margin = MAX ((hi - lo) / 25, SECONDS_PER_HOUR);
  if (hi - lo < SECONDS_PER_HOUR)
    margin = SECONDS_PER_DAY / 2;

  *start = lo - margin;
  *end = hi + margin;
}

static double
get_max_value (DeskChart *self)
{
  double max = self->target_label != NULL ? self->target : 0;

  for (guint i = 0; i < self->series->len; i++)
    {
      Series *series = g_ptr_array_index (self->series, i);

      for (guint j = 0; j < series->points->len; j++)
        max = MAX (max, g_array_index (series->points, Point, j).value);
    }

  return max;
}

static double
x_of (const Frame *frame,
      gint64       time)
{
  return frame->left + (frame->right - frame->left) * (double) (time - frame->start)
                       / (double) (frame->end - frame->start);
}

static double
y_of (const Frame *frame,
      double       value)
{
  return frame->bottom - (frame->bottom - frame->top) * value / frame->max;
}

/* The times of the ticks under the plot, at whole hours or days of the chart's zone, about
 * MIN_TICK_SPACING apart. */
static GArray *
time_ticks (DeskChart   *self,
            const Frame *frame,
            gboolean    *by_day)
{
  static const gint64 steps[] = {
    SECONDS_PER_HOUR, 2 * SECONDS_PER_HOUR, 3 * SECONDS_PER_HOUR, 6 * SECONDS_PER_HOUR,
    12 * SECONDS_PER_HOUR, SECONDS_PER_DAY, 2 * SECONDS_PER_DAY, 7 * SECONDS_PER_DAY,
    14 * SECONDS_PER_DAY, 30 * SECONDS_PER_DAY, 91 * SECONDS_PER_DAY, 182 * SECONDS_PER_DAY,
    365 * SECONDS_PER_DAY,
  };
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (gint64));
  double n = MAX (1, (frame->right - frame->left) / MIN_TICK_SPACING);
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) tick = NULL;
  gint64 step = steps[G_N_ELEMENTS (steps) - 1];

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if ((double) (frame->end - frame->start) / steps[i] <= n)
      {
        step = steps[i];
        break;
      }

  *by_day = step >= SECONDS_PER_DAY;
  local = in_zone (self, frame->start);

  /* The first whole hour (of a multiple of the step) or midnight at or after the start. */
  if (*by_day)
    tick = g_date_time_new (self->zone, g_date_time_get_year (local),
                            g_date_time_get_month (local), g_date_time_get_day_of_month (local),
                            0, 0, 0);
  else
    tick = g_date_time_new (self->zone, g_date_time_get_year (local),
                            g_date_time_get_month (local), g_date_time_get_day_of_month (local),
                            g_date_time_get_hour (local) - g_date_time_get_hour (local)
                                                           % (int) (step / SECONDS_PER_HOUR),
                            0, 0);

  while (tick != NULL && g_date_time_to_unix (tick) <= frame->end)
    {
      gint64 time = g_date_time_to_unix (tick);
      GDateTime *next;

      if (time >= frame->start)
        g_array_append_val (ticks, time);

      /* Days by the calendar, so that a change of daylight saving time keeps them at midnight. */
      next = *by_day ? g_date_time_add_days (tick, step / SECONDS_PER_DAY)
                     : g_date_time_add_seconds (tick, step);
      g_date_time_unref (tick);
      tick = next;
    }

  return ticks;
}

/* }}} */
/* Legend {{{ */

typedef struct
{
  const char            *label;
  const DeskChartColour *colour;
  LineKind               line;
  double                 width;
  int                    point;   /* the series' point shape (see draw_point()), or -1 */
} LegendItem;

static GArray *
legend_items (DeskChart            *self,
              const DeskChartStyle *style)
{
  GArray *items = g_array_new (FALSE, FALSE, sizeof (LegendItem));
  LegendItem item;

  for (guint i = 0; i < self->series->len; i++)
    {
      Series *series = g_ptr_array_index (self->series, i);

      item.label = series->label;
      item.colour = &style->series[i];
      item.line = series_line (i);
      item.width = LINE_WIDTH;
      item.point = series->from_zero ? -1 : (int) i;
      g_array_append_val (items, item);
    }

  if (self->target_label != NULL)
    {
      item.label = self->target_label;
      item.colour = &style->target;
      item.line = LINE_DOTTED;
      item.width = LINE_WIDTH;
      item.point = -1;
      g_array_append_val (items, item);
    }

  if (self->markers->len > 0)
    {
      /* Translators: in a chart's legend, what its vertical lines are */
      item.label = _("Deadline");
      item.colour = &style->marker;
      item.line = LINE_SOLID;
      item.width = 1;
      item.point = -1;
      g_array_append_val (items, item);
    }

  return items;
}

/* Lays out the legend in lines as wide as @width; draws it at @top unless @cr is in measuring
 * mode (@draw false).
 *
 * Returns: its height */
static double
legend (DeskChart            *self,
        cairo_t              *cr,
        const DeskChartStyle *style,
        double                left,
        double                top,
        double                width,
        gboolean              draw)
{
  g_autoptr(GArray) items = legend_items (self, style);
  double x = 0, y = 0, line_height = 0;

  for (guint i = 0; i < items->len; i++)
    {
      LegendItem *item = &g_array_index (items, LegendItem, i);
      g_autoptr(PangoLayout) layout = new_layout (cr, style, item->label);
      double text_width, text_height, item_width;

      layout_size (layout, &text_width, &text_height);
      item_width = LEGEND_SWATCH + LABEL_GAP + text_width;
      line_height = MAX (line_height, text_height);

      if (x > 0 && x + item_width > width)
        {
          x = 0;
          y += line_height + LABEL_GAP;
        }

      if (draw)
        {
          double middle = crisp (top + y + text_height / 2);

          cairo_save (cr);
          set_colour (cr, item->colour);
          set_line (cr, item->line, item->width);
          cairo_move_to (cr, left + x, middle);
          cairo_line_to (cr, left + x + LEGEND_SWATCH, middle);
          cairo_stroke (cr);
          if (item->point >= 0)
            draw_point (cr, item->point, left + x + LEGEND_SWATCH / 2, middle);

          set_colour (cr, &style->text);
          cairo_move_to (cr, left + x + LEGEND_SWATCH + LABEL_GAP, top + y);
          pango_cairo_show_layout (cr, layout);
          cairo_restore (cr);
        }

      x += item_width + LEGEND_ITEM_GAP;
    }

  return items->len > 0 ? y + line_height : 0;
}

/* }}} */
/* Drawing {{{ */

static void
draw_value_axis (DeskChart            *self,
                 cairo_t              *cr,
                 const DeskChartStyle *style,
                 const Frame          *frame)
{
  cairo_save (cr);
  for (double value = 0; value <= frame->max + frame->step / 2; value += frame->step)
    {
      g_autofree char *text = desk_format_count ((gint64) value);
      g_autoptr(PangoLayout) layout = new_layout (cr, style, text);
      double y = crisp (y_of (frame, value));
      double text_width, text_height;

      set_colour (cr, &style->grid);
      set_line (cr, LINE_SOLID, 1);
      cairo_move_to (cr, frame->left, y);
      cairo_line_to (cr, frame->right, y);
      cairo_stroke (cr);

      layout_size (layout, &text_width, &text_height);
      set_colour (cr, &style->text);
      cairo_move_to (cr, frame->left - TICK_GAP - text_width, y - text_height / 2);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_restore (cr);
}

static void
draw_time_axis (DeskChart            *self,
                cairo_t              *cr,
                const DeskChartStyle *style,
                const Frame          *frame)
{
  gboolean by_day;
  g_autoptr(GArray) ticks = time_ticks (self, frame, &by_day);
  double last_end = -G_MAXDOUBLE;

  cairo_save (cr);
  set_colour (cr, &style->grid);
  set_line (cr, LINE_SOLID, 1);
  cairo_move_to (cr, frame->left, crisp (frame->bottom));
  cairo_line_to (cr, frame->right, crisp (frame->bottom));
  cairo_stroke (cr);

  for (guint i = 0; i < ticks->len; i++)
    {
      gint64 time = g_array_index (ticks, gint64, i);
      g_autoptr(GDateTime) local = in_zone (self, time);
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      double x = crisp (x_of (frame, time));
      double text_width;

      set_colour (cr, &style->grid);
      cairo_move_to (cr, x, frame->bottom);
      cairo_line_to (cr, x, frame->bottom + TICK_GAP);
      cairo_stroke (cr);

      text = g_date_time_format (local, by_day
                                        /* Translators: a day under a chart, e.g. "17 Apr" */
                                        ? _("%-d %b")
                                        /* Translators: a time of day under a chart */
                                        : _("%H:%M"));
      layout = new_layout (cr, style, text);
      layout_size (layout, &text_width, NULL);

      /* A label that would run into the one before is left out; the tick stays. */
      if (x - text_width / 2 < last_end + TICK_GAP)
        continue;
      last_end = x + text_width / 2;

      set_colour (cr, &style->text);
      cairo_move_to (cr, x - text_width / 2, frame->bottom + TICK_GAP + 1);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_restore (cr);
}

static void
draw_series (DeskChart            *self,
             cairo_t              *cr,
             const DeskChartStyle *style,
             const Frame          *frame,
             guint                 index)
{
  Series *series = g_ptr_array_index (self->series, index);
  g_autoptr(GArray) points = NULL;
  double end_x = frame->right;
  double value, x = frame->left;

  if (series->points->len == 0)
    return;

  points = g_array_copy (series->points);
  g_array_sort (points, compare_points);

  /* A count is not known past now. */
  if (self->now != 0)
    end_x = MIN (end_x, x_of (frame, self->now));

  cairo_save (cr);
  cairo_rectangle (cr, frame->left, frame->top - LINE_WIDTH,
                   frame->right - frame->left, frame->bottom - frame->top + 2 * LINE_WIDTH);
  cairo_clip (cr);

  if (series->from_zero)
    {
      value = 0;
      cairo_move_to (cr, x, y_of (frame, value));
    }
  else
    {
      value = g_array_index (points, Point, 0).value;
      x = x_of (frame, g_array_index (points, Point, 0).time);
      cairo_move_to (cr, x, y_of (frame, value));
    }

  for (guint i = 0; i < points->len; i++)
    {
      const Point *point = &g_array_index (points, Point, i);

      x = x_of (frame, point->time);
      cairo_line_to (cr, x, y_of (frame, value));
      value = point->value;
      cairo_line_to (cr, x, y_of (frame, value));
    }
  cairo_line_to (cr, MAX (x, end_x), y_of (frame, value));

  /* The first series is filled below, faintly, which makes it the one to read first. */
  if (index == 0)
    {
      cairo_path_t *line = cairo_copy_path (cr);
      double first_x = series->from_zero ? frame->left
                                         : x_of (frame, g_array_index (points, Point, 0).time);

      cairo_line_to (cr, MAX (x, end_x), frame->bottom);
      cairo_line_to (cr, first_x, frame->bottom);
      cairo_close_path (cr);
      cairo_set_source_rgba (cr, style->series[0].red, style->series[0].green,
                             style->series[0].blue, style->series[0].alpha * 0.15);
      cairo_fill (cr);
      cairo_append_path (cr, line);
      cairo_path_destroy (line);
    }

  set_colour (cr, &style->series[index]);
  set_line (cr, series_line (index), LINE_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_stroke (cr);

  /* A figure stated at a time is a point of its own, seen even when it is the only one: a dot
   * for the first series, a square for the second. A running total has too many to mark. */
  if (!series->from_zero)
    for (guint i = 0; i < points->len; i++)
      {
        const Point *point = &g_array_index (points, Point, i);

        draw_point (cr, index, x_of (frame, point->time), y_of (frame, point->value));
      }

  cairo_restore (cr);
}

static void
draw_target (DeskChart            *self,
             cairo_t              *cr,
             const DeskChartStyle *style,
             const Frame          *frame)
{
  double y = y_of (frame, self->target);

  cairo_save (cr);
  set_colour (cr, &style->target);
  set_line (cr, LINE_DOTTED, LINE_WIDTH);
  cairo_move_to (cr, frame->left, y);
  cairo_line_to (cr, frame->right, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Draws the label of the markers from @first to @last, which stand too close to be labelled
 * each, along the last of their lines: upwards, ending at the top of the plot. */
static void
draw_marker_label (DeskChart            *self,
                   cairo_t              *cr,
                   const DeskChartStyle *style,
                   const Frame          *frame,
                   GArray               *markers,
                   guint                 first,
                   guint                 last,
                   double                text_height)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PangoLayout) layout = NULL;
  double x = crisp (x_of (frame, g_array_index (markers, Marker, last).time));
  double length = frame->bottom - frame->top - 2 * LABEL_GAP;

  if (length <= text_height)
    return;

  for (guint i = first; i <= last; i++)
    {
      if (i > first)
        /* Translators: between the names of deadlines that fall close together on a chart */
        g_string_append (text, _(", "));
      g_string_append (text, g_array_index (markers, Marker, i).label);
    }

  layout = new_layout (cr, style, text->str);
  pango_layout_set_width (layout, (int) (length * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);

  /* Right of the line, or left of it where the plot ends. */
  if (x + LABEL_GAP + text_height > frame->right)
    x -= LABEL_GAP + text_height;
  else
    x += LABEL_GAP;

  cairo_save (cr);
  set_colour (cr, &style->text);
  cairo_move_to (cr, x, frame->bottom - LABEL_GAP);
  cairo_rotate (cr, -G_PI / 2);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

static void
draw_markers (DeskChart            *self,
              cairo_t              *cr,
              const DeskChartStyle *style,
              const Frame          *frame)
{
  g_autoptr(GArray) markers = g_array_copy (self->markers);
  g_autoptr(PangoLayout) probe = new_layout (cr, style, "0");
  double text_height;
  guint first = 0;

  g_array_sort (markers, compare_markers);
  layout_size (probe, NULL, &text_height);

  cairo_save (cr);
  for (guint i = 0; i < markers->len; i++)
    {
      double x = crisp (x_of (frame, g_array_index (markers, Marker, i).time));

      set_colour (cr, &style->marker);
      set_line (cr, LINE_SOLID, 1);
      cairo_move_to (cr, x, frame->top);
      cairo_line_to (cr, x, frame->bottom);
      cairo_stroke (cr);

      /* The run of lines too close to label apart ends here: one label for them all. */
      if (i + 1 == markers->len ||
          x_of (frame, g_array_index (markers, Marker, i + 1).time) - x > text_height + LABEL_GAP)
        {
          draw_marker_label (self, cr, style, frame, markers, first, i, text_height);
          first = i + 1;
        }
    }
  cairo_restore (cr);
}

static void
draw_now (DeskChart            *self,
          cairo_t              *cr,
          const DeskChartStyle *style,
          const Frame          *frame)
{
  double x = crisp (x_of (frame, self->now));

  cairo_save (cr);
  cairo_set_source_rgba (cr, style->text.red, style->text.green, style->text.blue,
                         style->text.alpha * 0.4);
  set_line (cr, LINE_DASHED, 1);
  cairo_move_to (cr, x, frame->top);
  cairo_line_to (cr, x, frame->bottom);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* }}} */
/* GObject {{{ */

static void
desk_chart_finalize (GObject *object)
{
  DeskChart *self = DESK_CHART (object);

  g_free (self->title);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_ptr_array_unref (self->series);
  g_array_unref (self->markers);
  g_free (self->target_label);

  G_OBJECT_CLASS (desk_chart_parent_class)->finalize (object);
}

static void
desk_chart_class_init (DeskChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = desk_chart_finalize;
}

static void
desk_chart_init (DeskChart *self)
{
  self->series = g_ptr_array_new_with_free_func (series_free);
  self->markers = g_array_new (FALSE, FALSE, sizeof (Marker));
  g_array_set_clear_func (self->markers, marker_clear);
}

/* }}} */
/* Public API {{{ */

/**
 * desk_chart_new:
 * @title: what the chart shows, e.g. "Contracts notified over time"
 * @zone: (nullable): the time zone of the days and hours under the chart; %NULL for the local one
 *
 * Returns: (transfer full): a new, empty chart
 */
DeskChart *
desk_chart_new (const char *title,
                GTimeZone  *zone)
{
  DeskChart *self;

  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (DESK_TYPE_CHART, NULL);
  self->title = g_strdup (title);
  self->zone = zone ? g_time_zone_ref (zone) : g_time_zone_new_local ();
  return self;
}

const char *
desk_chart_get_title (DeskChart *self)
{
  g_return_val_if_fail (DESK_IS_CHART (self), NULL);

  return self->title;
}

/**
 * desk_chart_add_series:
 * @label: its name in the legend, e.g. "Notified"
 * @from_zero: whether the count was zero before its first point (a running total), rather than
 *   unknown (a figure first stated then)
 *
 * Returns: the index of the new series, for desk_chart_add_point()
 */
guint
desk_chart_add_series (DeskChart  *self,
                       const char *label,
                       gboolean    from_zero)
{
  Series *series;

  g_return_val_if_fail (DESK_IS_CHART (self), 0);
  g_return_val_if_fail (label != NULL, 0);
  g_return_val_if_fail (self->series->len < DESK_CHART_MAX_SERIES, 0);

  series = g_new0 (Series, 1);
  series->label = g_strdup (label);
  series->from_zero = !!from_zero;
  series->points = g_array_new (FALSE, FALSE, sizeof (Point));
  g_ptr_array_add (self->series, series);

  return self->series->len - 1;
}

/* The count of @series became @value at @time, and stays so until its next point. */
void
desk_chart_add_point (DeskChart *self,
                      guint      series,
                      gint64     time,
                      double     value)
{
  Point point = { time, value };

  g_return_if_fail (DESK_IS_CHART (self));
  g_return_if_fail (series < self->series->len);

  g_array_append_val (((Series *) g_ptr_array_index (self->series, series))->points, point);
}

/* The total the series work towards, e.g. "To notify" and 586, drawn across the chart. */
void
desk_chart_set_target (DeskChart  *self,
                       double      value,
                       const char *label)
{
  g_return_if_fail (DESK_IS_CHART (self));
  g_return_if_fail (label != NULL);

  self->target = value;
  g_free (self->target_label);
  self->target_label = g_strdup (label);
}

/* A deadline, drawn as a vertical line with @label along it. */
void
desk_chart_add_marker (DeskChart  *self,
                       gint64      time,
                       const char *label)
{
  Marker marker;

  g_return_if_fail (DESK_IS_CHART (self));
  g_return_if_fail (label != NULL);

  marker.time = time;
  marker.label = g_strdup (label);
  g_array_append_val (self->markers, marker);
}

/* The time the chart is drawn at: the series end there, and a faint line marks it. */
void
desk_chart_set_now (DeskChart *self,
                    gint64     now)
{
  g_return_if_fail (DESK_IS_CHART (self));

  self->now = now;
}

/* Whether the chart has nothing to show: no point and no deadline. */
gboolean
desk_chart_is_empty (DeskChart *self)
{
  g_return_val_if_fail (DESK_IS_CHART (self), TRUE);

  if (self->markers->len > 0)
    return FALSE;

  for (guint i = 0; i < self->series->len; i++)
    if (((Series *) g_ptr_array_index (self->series, i))->points->len > 0)
      return FALSE;

  return TRUE;
}

/**
 * desk_chart_describe:
 *
 * What the chart shows, in words, for those who cannot see it: each series' latest value and
 * when it was reached, the total, and each deadline with its time.
 *
 * Returns: (transfer full): the description
 */
char *
desk_chart_describe (DeskChart *self)
{
  g_autoptr(GString) text = NULL;
  g_autoptr(GArray) markers = NULL;

  g_return_val_if_fail (DESK_IS_CHART (self), NULL);

  text = g_string_new (self->title);
  g_string_append (text, ".");

  for (guint i = 0; i < self->series->len; i++)
    {
      Series *series = g_ptr_array_index (self->series, i);
      g_autoptr(GArray) points = g_array_copy (series->points);
      g_autofree char *count = NULL;
      g_autofree char *when = NULL;
      const Point *last;

      g_string_append_c (text, ' ');
      if (points->len == 0)
        {
          /* Translators: in a chart's description, a series without values, e.g.
           * "Notified: none yet." */
          g_string_append_printf (text, _("%s: none yet."), series->label);
          continue;
        }

      g_array_sort (points, compare_points);
      last = &g_array_index (points, Point, points->len - 1);
      count = desk_format_count ((gint64) last->value);
      when = format_time (self, last->time);
      /* Translators: in a chart's description, a series' latest value and when it was
       * reached, e.g. "Notified: 412, on 17 Apr 2026 09:00." */
      g_string_append_printf (text, _("%s: %s, on %s."), series->label, count, when);
    }

  if (self->target_label != NULL)
    {
      g_autofree char *count = desk_format_count ((gint64) self->target);

      g_string_append_c (text, ' ');
      /* Translators: in a chart's description, the total to reach, e.g. "To notify: 586." */
      g_string_append_printf (text, _("%s: %s."), self->target_label, count);
    }

  markers = g_array_copy (self->markers);
  g_array_sort (markers, compare_markers);
  for (guint i = 0; i < markers->len; i++)
    {
      const Marker *marker = &g_array_index (markers, Marker, i);
      g_autofree char *when = format_time (self, marker->time);

      g_string_append_c (text, ' ');
      /* Translators: in a chart's description, a deadline drawn on it, e.g.
       * "Deadline: GDPR (EU): Notification, 17 Apr 2026 09:00." */
      g_string_append_printf (text, _("Deadline: %s, %s."), marker->label, when);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * desk_chart_draw:
 * @cr: where to draw, from its current origin
 * @width: the width to fill
 * @height: the height to fill
 * @style: the colours and the font
 *
 * Draws the chart: its scales and grid, the total, the series, the deadlines and a legend
 * below, on a transparent background. Thread-safe: it touches nothing but @self and @cr.
 */
void
desk_chart_draw (DeskChart            *self,
                 cairo_t              *cr,
                 double                width,
                 double                height,
                 const DeskChartStyle *style)
{
  g_autoptr(PangoLayout) probe = NULL;
  g_autofree char *max_text = NULL;
  double text_width, text_height, legend_height;
  Frame frame;

  g_return_if_fail (DESK_IS_CHART (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);

  if (desk_chart_is_empty (self) || width <= 0 || height <= 0)
    return;

  frame.max = get_max_value (self);
  frame.step = nice_step (frame.max, 5);
  frame.max = MAX (frame.step, ceil (frame.max / frame.step) * frame.step);
  get_time_range (self, &frame.start, &frame.end);

  /* Room for the widest value on the left, the days and the legend below. */
  max_text = desk_format_count ((gint64) frame.max);
  probe = new_layout (cr, style, max_text);
  layout_size (probe, &text_width, &text_height);
  legend_height = legend (self, cr, style, 0, 0, width - 2 * PAD, FALSE);

  frame.left = PAD + text_width + TICK_GAP;
  frame.right = width - PAD;
  frame.top = PAD + text_height / 2;
  frame.bottom = height - PAD - legend_height - PAD - text_height - TICK_GAP;

  if (frame.right - frame.left < 2 * PAD || frame.bottom - frame.top < 2 * PAD)
    return;

  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);

  draw_value_axis (self, cr, style, &frame);
  draw_time_axis (self, cr, style, &frame);
  if (self->now != 0)
    draw_now (self, cr, style, &frame);
  draw_markers (self, cr, style, &frame);
  if (self->target_label != NULL)
    draw_target (self, cr, style, &frame);
  for (guint i = self->series->len; i > 0; i--)
    draw_series (self, cr, style, &frame, i - 1);

  legend (self, cr, style, PAD, height - PAD - legend_height, width - 2 * PAD, TRUE);

  cairo_restore (cr);
}

/* The customers' notices due on one day, for the progress chart's line of that day. */
typedef struct
{
  gint64 last;
  guint  n;
} CustomerDay;

/**
 * desk_chart_new_notice_progress:
 * @progress: the incident's customer notices over time
 * @deadlines: (element-type DeskDeadline): the incident's deadlines, as
 *   desk_store_list_deadlines() lists them
 * @zone: (nullable): the incident's time zone
 * @now: the time the chart is drawn at
 *
 * The notification progress chart: contracts notified and acknowledged over time against the
 * total to notify, with the incident's deadlines. The customers' own deadlines, hundreds of
 * them, are one line for each day, at the day's last, counted.
 *
 * Returns: (transfer full): the chart
 */
DeskChart *
desk_chart_new_notice_progress (const DeskNoticeProgress *progress,
                                GPtrArray                *deadlines,
                                GTimeZone                *zone,
                                gint64                    now)
{
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) customer_days = g_ptr_array_new ();
  DeskChart *self;
  guint notified, acknowledged;

  g_return_val_if_fail (progress != NULL, NULL);
  g_return_val_if_fail (deadlines != NULL, NULL);

  self = desk_chart_new (_("Contracts notified over time"), zone);
  /* Translators: a line of the notification chart: contracts whose notice went out */
  notified = desk_chart_add_series (self, C_("chart", "Notified"), TRUE);
  /* Translators: a line of the notification chart: contracts that acknowledged their notice */
  acknowledged = desk_chart_add_series (self, C_("chart", "Acknowledged"), TRUE);
  /* Translators: the total line of the notification chart */
  desk_chart_set_target (self, progress->to_notify, C_("chart", "To notify"));
  desk_chart_set_now (self, now);

  for (guint i = 0; i < progress->sent_at->len; i++)
    desk_chart_add_point (self, notified, g_array_index (progress->sent_at, gint64, i), i + 1);
  for (guint i = 0; i < progress->acknowledged_at->len; i++)
    desk_chart_add_point (self, acknowledged,
                          g_array_index (progress->acknowledged_at, gint64, i), i + 1);

  for (guint i = 0; i < deadlines->len; i++)
    {
      DeskDeadline *deadline = g_ptr_array_index (deadlines, i);
      DeskRecord *record = desk_deadline_get_record (deadline);
      gint64 due_at = desk_deadline_get_due_at (deadline);
      g_autoptr(GDateTime) local = NULL;
      g_autofree char *key = NULL;
      CustomerDay *day;

      if (due_at == 0)
        continue;

      if (desk_deadline_get_kind (deadline) == DESK_DEADLINE_KIND_OBLIGATION ||
          desk_record_get_enum (record, "recipient") != DESK_RECIPIENT_CUSTOMER)
        {
          desk_chart_add_marker (self, due_at, desk_deadline_get_title (deadline));
          continue;
        }

      local = in_zone (self, due_at);
      key = g_date_time_format (local, "%F");
      if ((day = g_hash_table_lookup (days, key)) == NULL)
        {
          day = g_new0 (CustomerDay, 1);
          g_hash_table_insert (days, g_steal_pointer (&key), day);
          g_ptr_array_add (customer_days, day);
        }
      day->last = MAX (day->last, due_at);
      day->n++;
    }

  for (guint i = 0; i < customer_days->len; i++)
    {
      CustomerDay *day = g_ptr_array_index (customer_days, i);
      g_autofree char *label = NULL;

      /* Translators: a deadline line of the notification chart: the contractual deadlines of
       * this many customers' notices, on one day, e.g. "Customers' deadline (586)" */
      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Customer’s deadline (%u)",
                                            "Customers’ deadline (%u)", day->n), day->n);
      desk_chart_add_marker (self, day->last, label);
    }

  return self;
}

/**
 * desk_chart_new_figures:
 * @figures: (element-type DeskFigure): the incident's figure history
 * @zone: (nullable): the incident's time zone
 * @now: the time the chart is drawn at
 *
 * The chart of the incident's figures over time: the accounts potentially affected and those
 * confirmed, each as stated or counted at its time.
 *
 * Returns: (transfer full): the chart
 */
DeskChart *
desk_chart_new_figures (GPtrArray *figures,
                        GTimeZone *zone,
                        gint64     now)
{
  DeskChart *self;
  guint potential, confirmed;

  g_return_val_if_fail (figures != NULL, NULL);

  self = desk_chart_new (_("Affected accounts over time"), zone);
  /* Translators: a line of the figures chart */
  potential = desk_chart_add_series (self, C_("chart", "Potentially affected"), FALSE);
  /* Translators: a line of the figures chart */
  confirmed = desk_chart_add_series (self, C_("chart", "Confirmed"), FALSE);
  desk_chart_set_now (self, now);

  for (guint i = 0; i < figures->len; i++)
    {
      DeskRecord *figure = g_ptr_array_index (figures, i);
      gint64 recorded_at = desk_record_get_int (figure, "recorded-at");

      desk_chart_add_point (self, potential, recorded_at,
                            desk_record_get_int (figure, "potential"));
      desk_chart_add_point (self, confirmed, recorded_at,
                            desk_record_get_int (figure, "confirmed"));
    }

  return self;
}

/**
 * desk_chart_style_init_paper:
 *
 * Fills @style with the colours of a chart on white paper, as the PDF report prints it, in
 * points: the GNOME palette's dark blue and orange, which stay apart for the common kinds of
 * colour blindness and in greyscale.
 */
void
desk_chart_style_init_paper (DeskChartStyle *style)
{
  static const DeskChartStyle paper = {
    .text = { 0.118, 0.118, 0.118, 1 },          /* #1e1e1e */
    .grid = { 0.816, 0.816, 0.835, 1 },          /* #d0d0d5 */
    .series = {
      { 0.102, 0.373, 0.706, 1 },                /* #1a5fb4 */
      { 0.776, 0.275, 0.0, 1 },                  /* #c64600 */
    },
    .target = { 0.369, 0.361, 0.392, 1 },        /* #5e5c64 */
    .marker = { 0.753, 0.110, 0.157, 1 },        /* #c01c28 */
    .font = NULL,
    .resolution = 72,
  };

  g_return_if_fail (style != NULL);

  *style = paper;
}

/* }}} */
