/* test-chart.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The chart of counts over time, drawn without GTK onto an image surface in colours that
 * nothing else uses, then read back pixel by pixel: the deadlines stand where their times say,
 * the running total steps up to its last count, the total to reach is above it; and the chart
 * in words. */

#include "config.h"

#include "desk-chart.h"
#include "desk-test-utils.h"

#define HOUR (G_GINT64_CONSTANT (60) * 60)
#define DAY  (24 * HOUR)

/* 14 Apr 2026 00:00 UTC */
#define START G_GINT64_CONSTANT (1776124800)

#define WIDTH  600
#define HEIGHT 300

static const DeskChartStyle test_style = {
  .text = { 0, 0, 0, 1 },
  .grid = { 0.8, 0.8, 0.8, 1 },
  .series = { { 1, 0, 0, 1 }, { 0, 0.6, 0, 1 } },
  .target = { 0, 0, 1, 1 },
  .marker = { 1, 0, 1, 1 },
  .font = NULL,
};

/* Helpers {{{ */

static cairo_surface_t *
draw (DeskChart *chart,
      int        width,
      int        height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  desk_chart_draw (chart, cr, width, height, &test_style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static gboolean
pixel_is (cairo_surface_t       *surface,
          int                    x,
          int                    y,
          const DeskChartColour *colour)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 pixel = *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);
  int red = (pixel >> 16) & 0xff, green = (pixel >> 8) & 0xff, blue = pixel & 0xff;

  return ABS (red - (int) (colour->red * 255)) <= 8
         && ABS (green - (int) (colour->green * 255)) <= 8
         && ABS (blue - (int) (colour->blue * 255)) <= 8;
}

/* Returns: the columns where row @y has @colour, one per run of neighbouring columns */
static GArray *
find_columns (cairo_surface_t       *surface,
              int                    y,
              const DeskChartColour *colour)
{
  GArray *columns = g_array_new (FALSE, FALSE, sizeof (int));

  for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
    if (pixel_is (surface, x, y, colour) &&
        (x == 0 || !pixel_is (surface, x - 1, y, colour)))
      g_array_append_val (columns, x);

  return columns;
}

/* Returns: the first row from the top where column @x has @colour, or -1 */
static int
find_row (cairo_surface_t       *surface,
          int                    x,
          const DeskChartColour *colour)
{
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    if (pixel_is (surface, x, y, colour))
      return y;

  return -1;
}

static gboolean
is_blank (cairo_surface_t *surface)
{
  static const DeskChartColour white = { 1, 1, 1, 1 };

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      if (!pixel_is (surface, x, y, &white))
        return FALSE;

  return TRUE;
}

/* Notices sent on the first, second and third day, and three deadlines: the first day at noon,
 * the second at noon and the fourth at noon. */
static DeskChart *
new_progress_chart (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  DeskChart *chart = desk_chart_new ("Contracts notified over time", utc);
  guint notified = desk_chart_add_series (chart, "Notified", TRUE);
  guint acknowledged = desk_chart_add_series (chart, "Acknowledged", TRUE);

  desk_chart_add_point (chart, notified, START + 6 * HOUR, 1);
  desk_chart_add_point (chart, notified, START + DAY + 6 * HOUR, 2);
  desk_chart_add_point (chart, notified, START + 2 * DAY + 6 * HOUR, 3);
  desk_chart_add_point (chart, acknowledged, START + 2 * DAY, 1);
  desk_chart_set_target (chart, 10, "To notify");
  desk_chart_add_marker (chart, START + 3 * DAY + 12 * HOUR, "Final report");
  desk_chart_add_marker (chart, START + 12 * HOUR, "Early warning");
  desk_chart_add_marker (chart, START + DAY + 12 * HOUR, "Notification");

  return chart;
}

/* }}} */
/* Tests {{{ */

/* Each deadline is a line of its colour, where its time falls between the others. */
static void
test_chart_markers (void)
{
  g_autoptr(DeskChart) chart = new_progress_chart ();
  cairo_surface_t *surface = draw (chart, WIDTH, HEIGHT);
  /* Above the counts, which stay under a third of the scale, below the total's line. */
  g_autoptr(GArray) columns = find_columns (surface, HEIGHT / 3, &test_style.marker);
  int first, second, third;

  g_assert_cmpuint (columns->len, ==, 3);
  first = g_array_index (columns, int, 0);
  second = g_array_index (columns, int, 1);
  third = g_array_index (columns, int, 2);

  /* 12:00 on the first, second and fourth day: one day, then two. */
  g_assert_cmpint (ABS ((second - first) * 3 - (third - first)), <=, 3);
  g_assert_cmpint (first, >, 0);
  g_assert_cmpint (third, <, WIDTH - 1);

  /* The lines run the height of the plot. */
  g_assert_true (pixel_is (surface, second, HEIGHT / 4, &test_style.marker));
  g_assert_true (pixel_is (surface, second, HEIGHT / 2, &test_style.marker));

  cairo_surface_destroy (surface);
}

/* The running total steps up to 3 by the end; the total to notify is drawn above it, at the
 * top of the scale. */
static void
test_chart_series (void)
{
  g_autoptr(DeskChart) chart = new_progress_chart ();
  cairo_surface_t *surface = draw (chart, WIDTH, HEIGHT);
  g_autoptr(GArray) markers = find_columns (surface, HEIGHT / 3, &test_style.marker);
  int early_x = g_array_index (markers, int, 0);
  int last_x = g_array_index (markers, int, 2);
  int first_row, last_row, target_row, ack_pixels = 0;

  /* Between the first notice (06:00) and the first deadline (12:00): one. */
  first_row = find_row (surface, early_x - 5, &test_style.series[0]);
  /* After the last notice, on the third day: three. */
  last_row = find_row (surface, last_x - 5, &test_style.series[0]);
  target_row = find_row (surface, last_x - 5, &test_style.target);

  g_assert_cmpint (target_row, >, 0);
  g_assert_cmpint (target_row, <, last_row);
  g_assert_cmpint (last_row, <, first_row);

  /* The total is 10: from one to three is 2/9 of the height from one to the total, give or
   * take the width of the lines. */
  g_assert_cmpint (ABS ((first_row - last_row) * 9 - (first_row - target_row) * 2), <=, 27);

  /* The second series is drawn too, dashed: some of its pixels along its step at 1. */
  for (int x = early_x; x < last_x; x++)
    for (int y = last_row; y < HEIGHT; y++)
      ack_pixels += pixel_is (surface, x, y, &test_style.series[1]);
  g_assert_cmpint (ack_pixels, >, 20);

  cairo_surface_destroy (surface);
}

static void
test_chart_empty (void)
{
  g_autoptr(DeskChart) chart = desk_chart_new ("Nothing", NULL);
  cairo_surface_t *surface;

  desk_chart_add_series (chart, "Notified", TRUE);
  desk_chart_set_target (chart, 10, "To notify");
  g_assert_true (desk_chart_is_empty (chart));

  surface = draw (chart, WIDTH, HEIGHT);
  g_assert_true (is_blank (surface));
  cairo_surface_destroy (surface);

  desk_chart_add_marker (chart, START, "Deadline");
  g_assert_false (desk_chart_is_empty (chart));
}

/* A phone's width, and sizes too small for a plot: drawn within bounds, or not at all. */
static void
test_chart_small (void)
{
  g_autoptr(DeskChart) chart = new_progress_chart ();
  cairo_surface_t *surface;

  surface = draw (chart, 320, 220);
  g_assert_false (is_blank (surface));
  cairo_surface_destroy (surface);

  surface = draw (chart, 20, 10);
  g_assert_true (is_blank (surface));
  cairo_surface_destroy (surface);
}

/* A single moment still makes a chart. */
static void
test_chart_single_point (void)
{
  g_autoptr(DeskChart) chart = desk_chart_new ("Figures", NULL);
  guint potential = desk_chart_add_series (chart, "Potentially affected", FALSE);
  cairo_surface_t *surface;

  desk_chart_add_point (chart, potential, START, 4072650);
  surface = draw (chart, WIDTH, HEIGHT);
  g_assert_cmpint (find_row (surface, WIDTH * 3 / 4, &test_style.series[0]), >, 0);
  cairo_surface_destroy (surface);
}

static void
test_chart_describe (void)
{
  g_autoptr(DeskChart) chart = new_progress_chart ();
  g_autoptr(DeskChart) empty = desk_chart_new ("Figures", NULL);
  g_autofree char *text = desk_chart_describe (chart);
  g_autofree char *empty_text = NULL;

  g_assert_cmpstr (text, ==,
                   "Contracts notified over time."
                   " Notified: 3, on 16 Apr 2026 06:00."
                   " Acknowledged: 1, on 16 Apr 2026 00:00."
                   " To notify: 10."
                   " Deadline: Early warning, 14 Apr 2026 12:00."
                   " Deadline: Notification, 15 Apr 2026 12:00."
                   " Deadline: Final report, 17 Apr 2026 12:00.");

  desk_chart_add_series (empty, "Confirmed", FALSE);
  empty_text = desk_chart_describe (empty);
  g_assert_cmpstr (empty_text, ==, "Figures. Confirmed: none yet.");
}

/* The notification chart from the store's answers: a line per obligation and per regulator's
 * notice, one for the customers due on the same day, at the last, counted; none for what has
 * no due time. */
static void
test_chart_notice_progress (void)
{
  g_autoptr(DeskStore) store = desk_test_open_store (NULL);
  g_autoptr(DeskIncident) incident = desk_test_save (store, desk_incident_new ("Chart"));
  g_autoptr(DeskNoticeProgress) progress = desk_notice_progress_new ();
  g_autoptr(GPtrArray) deadlines = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(DeskChart) chart = NULL;
  g_autofree char *text = NULL;
  struct { DeskDeadlineKind kind; DeskRecipient recipient; gint64 due_at; const char *title; }
  cases[] = {
    { DESK_DEADLINE_KIND_OBLIGATION, 0, START + 3 * DAY, "GDPR (EU): Notification" },
    { DESK_DEADLINE_KIND_OBLIGATION, 0, 0, "GDPR (EU): Data subjects" },
    { DESK_DEADLINE_KIND_NOTICE, DESK_RECIPIENT_CUSTOMER, START + 2 * DAY, "Customer A" },
    { DESK_DEADLINE_KIND_NOTICE, DESK_RECIPIENT_CUSTOMER, START + 2 * DAY + 3 * HOUR,
      "Customer B" },
    { DESK_DEADLINE_KIND_NOTICE, DESK_RECIPIENT_CUSTOMER, START + 4 * DAY, "Customer C" },
    { DESK_DEADLINE_KIND_NOTICE, DESK_RECIPIENT_REGULATOR, START + DAY, "Regulator" },
  };
  gint64 sent = START + 6 * HOUR;

  progress->to_notify = 3;
  g_array_append_val (progress->sent_at, sent);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DeskRecord) record = NULL;

      if (cases[i].kind == DESK_DEADLINE_KIND_OBLIGATION)
        record = DESK_RECORD (desk_obligation_new (incident, "gdpr", "authority"));
      else
        {
          record = DESK_RECORD (desk_notification_new (incident, NULL));
          desk_record_set_enum (record, "recipient", cases[i].recipient);
        }
      desk_record_set_int (record, "due-at", cases[i].due_at);
      g_ptr_array_add (deadlines, desk_deadline_new (cases[i].kind, record, cases[i].title, NULL,
                                                     "Chart", "UTC", FALSE, START));
    }

  chart = desk_chart_new_notice_progress (progress, deadlines, utc, START + 5 * DAY);
  text = desk_chart_describe (chart);
  g_assert_cmpstr (text, ==,
                   "Contracts notified over time."
                   " Notified: 1, on 14 Apr 2026 06:00."
                   " Acknowledged: none yet."
                   " To notify: 3."
                   " Deadline: Regulator, 15 Apr 2026 00:00."
                   " Deadline: Customers’ deadline (2), 16 Apr 2026 03:00."
                   " Deadline: GDPR (EU): Notification, 17 Apr 2026 00:00."
                   " Deadline: Customer’s deadline (1), 18 Apr 2026 00:00.");
}

static void
test_chart_figures (void)
{
  g_autoptr(DeskStore) store = desk_test_open_store (NULL);
  g_autoptr(DeskIncident) incident = desk_test_save (store, desk_incident_new ("Figures"));
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(DeskChart) chart = NULL;
  g_autofree char *text = NULL;

  g_ptr_array_add (figures, desk_figure_new (incident, START + DAY, 4072650, 311288,
                                             DESK_FIGURE_SOURCE_IMPORT));
  g_ptr_array_add (figures, desk_figure_new (incident, START, 4000000, 0,
                                             DESK_FIGURE_SOURCE_ESTIMATE));

  chart = desk_chart_new_figures (figures, utc, START + 2 * DAY);
  text = desk_chart_describe (chart);
  g_assert_cmpstr (text, ==,
                   "Affected accounts over time."
                   " Potentially affected: 4,072,650, on 15 Apr 2026 00:00."
                   " Confirmed: 311,288, on 15 Apr 2026 00:00.");
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/desk/chart/markers", test_chart_markers);
  g_test_add_func ("/desk/chart/series", test_chart_series);
  g_test_add_func ("/desk/chart/empty", test_chart_empty);
  g_test_add_func ("/desk/chart/small", test_chart_small);
  g_test_add_func ("/desk/chart/single-point", test_chart_single_point);
  g_test_add_func ("/desk/chart/describe", test_chart_describe);
  g_test_add_func ("/desk/chart/notice-progress", test_chart_notice_progress);
  g_test_add_func ("/desk/chart/figures", test_chart_figures);

  return g_test_run ();
}
