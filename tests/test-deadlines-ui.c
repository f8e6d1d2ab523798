/* test-deadlines-ui.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The deadlines in the window, on a real temporary database with a clock the test sets, under
 * Xvfb: the countdown words; the Notifications page's "Due Next" list, its order and its
 * countdowns as time passes; the progress chart drawn in the theme's colours, light and dark;
 * adding a rule through the Add Obligation dialog, a condition asked for; filing an obligation;
 * a clock-start time moving the due dates; and the figure history. */

#define G_LOG_DOMAIN "test-deadlines-ui"

#include "config.h"

#include <adwaita.h>

#include "desk-deadline-text.h"
#include "desk-incident-form.h"
#include "desk-notifications-page-private.h"
#include "desk-obligation-dialog.h"
#include "desk-obligation-row.h"
#include "desk-overview-page-private.h"
#include "desk-test-ui-utils.h"
#include "desk-test-utils.h"
#include "desk-window-private.h"

#define MINUTE G_GINT64_CONSTANT (60)
#define HOUR   (60 * MINUTE)
#define DAY    (24 * HOUR)

/* Helpers {{{ */

typedef struct
{
  char         *dir;
  DeskStore    *store;
  gint64        now;
  DeskIncident *incident;
  GtkWindow    *window;
  GtkWidget    *page;
} Fixture;

/* An incident in Tokyo, detected on Tuesday 14 April at 09:30, known of on Wednesday 15 at 14:00;
 * it is Thursday 16 April, 10:00. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = desk_test_open_tmp_store (&fixture->dir);
  fixture->now = desk_test_parse_time ("2026-04-16T10:00:00+09:00");
  desk_store_set_clock (fixture->store, desk_test_fixed_clock, &fixture->now);
  desk_store_set_actor (fixture->store, "Aiko Tanaka");

  fixture->incident = desk_test_save_deadline_incident (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    desk_test_destroy_window (fixture->window, fixture->page);
  g_clear_object (&fixture->incident);
  desk_test_close_tmp_store (fixture->store, fixture->dir);
}

static void
show_page (Fixture *fixture,
           GType    type)
{
  fixture->page = g_object_new (type, NULL);
  fixture->window = desk_test_present_page (fixture->page, 1000, 800);
  desk_test_show_incident (fixture->page, fixture->store, fixture->incident);
}

static DeskObligationsGroup *
obligations_group (Fixture *fixture)
{
  return _desk_overview_page_get_obligations_group (DESK_OVERVIEW_PAGE (fixture->page));
}

static DeskObligationRow *
obligation_row (Fixture *fixture,
                guint    index)
{
  GtkWidget *row = _desk_obligations_group_get_row (obligations_group (fixture), index);

  g_assert_true (DESK_IS_OBLIGATION_ROW (row));
  return DESK_OBLIGATION_ROW (row);
}

static gboolean
subtitle_is (DeskObligationRow *row,
             const char        *text)
{
  return g_strcmp0 (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), text) == 0;
}

static DeskRecord *
load_obligation (Fixture           *fixture,
                 DeskObligationRow *row)
{
  g_autoptr(GError) error = NULL;
  DeskRecord *obligation;

  obligation = desk_store_load (fixture->store, DESK_TYPE_OBLIGATION,
                                desk_record_get_id (DESK_RECORD (desk_obligation_row_get_obligation (row))),
                                &error);
  g_assert_no_error (error);
  return obligation;
}

static gboolean
row_text_is (DeskDueList *list,
             guint        index,
             const char  *text)
{
  g_autofree char *row = _desk_due_list_dup_row_text (list, index);

  return g_strcmp0 (row, text) == 0;
}

/* Returns: how many pixels of @widget, as drawn, are @colour */
static guint
count_pixels (GtkWidget     *widget,
              const GdkRGBA *colour)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n = 0;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  /* Not drawn yet: nothing to count. */
  if (node == NULL)
    return 0;

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = *(guint32 *) (cairo_image_surface_get_data (surface)
                                      + y * cairo_image_surface_get_stride (surface) + x * 4);

        n += ABS ((int) ((pixel >> 16) & 0xff) - (int) (colour->red * 255)) <= 8
             && ABS ((int) ((pixel >> 8) & 0xff) - (int) (colour->green * 255)) <= 8
             && ABS ((int) (pixel & 0xff) - (int) (colour->blue * 255)) <= 8;
      }

  cairo_surface_destroy (surface);
  return n;
}

static GdkRGBA
theme_colour (GtkWidget  *widget,
              const char *name)
{
  GdkRGBA colour;

  g_assert_true (gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name,
                                                 &colour));
  return colour;
}

/* }}} */
/* Words {{{ */

static void
test_countdown (void)
{
  static const struct
  {
    gint64      left;
    const char *text;
  } cases[] = {
    { 5 * HOUR + 59 * MINUTE, "in 5 h" },
    { 40 * MINUTE, "in 40 min" },
    { 20, "in 1 min" },
    { 47 * HOUR, "in 47 h" },
    { 2 * DAY, "in 2 days" },
    { DAY * 9 / 2, "in 4 days" },
    { -30 * MINUTE, "overdue by 30 min" },
    { -HOUR, "overdue by 1 h" },
    { -2 * DAY - HOUR, "overdue by 2 days" },
  };
  gint64 now = desk_test_parse_time ("2026-04-16T10:00:00+09:00");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = desk_format_countdown (now + cases[i].left, now);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_urgency (void)
{
  gint64 now = desk_test_parse_time ("2026-04-16T10:00:00+09:00");
  g_autofree char *due = desk_format_due_time (desk_test_parse_time ("2026-04-18T14:00:00+09:00"),
                                               "Asia/Tokyo");
  g_autofree char *none = desk_format_due_time (0, "Asia/Tokyo");

  g_assert_cmpint (desk_urgency_of (now + DAY, FALSE, now, 48), ==, DESK_URGENCY_SOON);
  g_assert_cmpint (desk_urgency_of (now + 3 * DAY, FALSE, now, 48), ==, DESK_URGENCY_LATER);
  g_assert_cmpint (desk_urgency_of (now - 1, FALSE, now, 48), ==, DESK_URGENCY_OVERDUE);
  g_assert_cmpint (desk_urgency_of (now - 1, TRUE, now, 48), ==, DESK_URGENCY_DONE);
  g_assert_cmpint (desk_urgency_of (0, FALSE, now, 48), ==, DESK_URGENCY_NONE);

  /* Each says it with an icon, not only a colour. */
  for (DeskUrgency urgency = DESK_URGENCY_NONE; urgency <= DESK_URGENCY_OVERDUE; urgency++)
    g_assert_nonnull (desk_urgency_icon_name (urgency));

  g_assert_cmpstr (due, ==, "18 Apr 2026, 14:00 JST");
  g_assert_cmpstr (none, ==, "Promptly, no fixed deadline");
}

/* }}} */
/* Notifications page {{{ */

/* Two customers' notices, due 48 hours after detection, are overdue: one row for both, first;
 * then GDPR's notification, 72 hours after awareness; its second stage has no due time and
 * comes last. As time passes, the countdowns follow. */
static void
test_due_next (Fixture       *fixture,
               gconstpointer  data)
{
  DeskDueList *list;

  desk_test_add_rule (fixture->store, fixture->incident, "gdpr", NULL);
  desk_test_add_customer_with_terms (fixture->store, fixture->incident, "C-1", 48);
  desk_test_add_customer_with_terms (fixture->store, fixture->incident, "C-2", 48);

  show_page (fixture, DESK_TYPE_NOTIFICATIONS_PAGE);
  list = _desk_notifications_page_get_due_list (DESK_NOTIFICATIONS_PAGE (fixture->page));

  g_assert_cmpuint (_desk_due_list_get_n_rows (list), ==, 3);
  g_assert_true (row_text_is (list, 0, "2 customer notices"
                              " | Customers · the first due 16 Apr 2026, 09:30 JST"
                              " | overdue by 30 min"));
  g_assert_true (row_text_is (list, 1, "GDPR (EU): Notification of the breach"
                              " | The lead or competent supervisory authority"
                              " · 18 Apr 2026, 14:00 JST | in 2 days"));
  g_assert_true (row_text_is (list, 2, "GDPR (EU): Communication to the people affected"
                              " | Data subjects · Promptly, no fixed deadline | no fixed time"));
  g_assert_nonnull (desk_test_find_label (GTK_WIDGET (list), "2 overdue"));

  fixture->now = desk_test_parse_time ("2026-04-18T15:00:00+09:00");
  desk_due_list_refresh (list);
  g_assert_true (row_text_is (list, 1, "GDPR (EU): Notification of the breach"
                              " | The lead or competent supervisory authority"
                              " · 18 Apr 2026, 14:00 JST | overdue by 1 h"));
  g_assert_nonnull (desk_test_find_label (GTK_WIDGET (list), "3 overdue"));
}

/* What is done leaves the list: a notice sent, an obligation filed. */
static void
test_due_next_done (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) ledger = NULL;
  g_autoptr(GPtrArray) sent = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  DeskDueList *list;

  desk_test_add_rule (fixture->store, fixture->incident, "nis2", "other");
  desk_test_add_customer_with_terms (fixture->store, fixture->incident, "C-1", 48);
  ledger = desk_store_list (fixture->store, DESK_TYPE_NOTIFICATION, "incident-id",
                            desk_record_get_id (DESK_RECORD (fixture->incident)), &error);
  g_assert_no_error (error);
  g_ptr_array_add (sent, g_ptr_array_index (ledger, 0));
  g_assert_true (desk_store_set_notification_status (fixture->store, sent,
                                                     DESK_NOTIFICATION_STATUS_SENT, &error));

  show_page (fixture, DESK_TYPE_NOTIFICATIONS_PAGE);
  list = _desk_notifications_page_get_due_list (DESK_NOTIFICATIONS_PAGE (fixture->page));

  /* NIS2: early warning (24 h), notification (72 h), final report, to recipients: no customer. */
  g_assert_cmpuint (_desk_due_list_get_n_rows (list), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *text = _desk_due_list_dup_row_text (list, i);

      g_assert_true (g_str_has_prefix (text, "NIS2 (EU): "));
    }
  g_assert_true (row_text_is (list, 0, "NIS2 (EU): Early warning"
                              " | National CSIRT or competent authority"
                              " · 16 Apr 2026, 14:00 JST | in 4 h"));
}

/* The progress chart draws the deadlines in the theme's error colour, in light and in dark, and
 * tells in words what it shows. */
static void
test_progress_chart (Fixture       *fixture,
                     gconstpointer  data)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GtkWidget *chart;
  g_autofree char *description = NULL;
  GdkRGBA light, dark;

  desk_test_add_rule (fixture->store, fixture->incident, "gdpr", NULL);
  desk_test_add_customer_with_terms (fixture->store, fixture->incident, "C-1", 48);
  desk_test_add_customer_with_terms (fixture->store, fixture->incident, "C-2", 48);
  desk_test_send_every_third (fixture->store, fixture->incident);

  show_page (fixture, DESK_TYPE_NOTIFICATIONS_PAGE);
  chart = GTK_WIDGET (_desk_notifications_page_get_progress_chart (DESK_NOTIFICATIONS_PAGE (fixture->page)));
  SPIN_UNTIL (desk_chart_view_get_chart (DESK_CHART_VIEW (chart)) != NULL &&
              gtk_widget_get_mapped (chart) && gtk_widget_get_height (chart) > 0);

  description = desk_chart_describe (desk_chart_view_get_chart (DESK_CHART_VIEW (chart)));
  g_assert_cmpstr (description, ==,
                   "Contracts notified over time."
                   " Notified: 1, on 16 Apr 2026 10:00."
                   " Acknowledged: none yet."
                   " To notify: 2."
                   " Deadline: Customers’ deadline (2), 16 Apr 2026 09:30."
                   " Deadline: GDPR (EU): Notification of the breach, 18 Apr 2026 14:00.");
  g_assert_true (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (chart))
                 == GTK_ACCESSIBLE_ROLE_IMG);

  light = theme_colour (chart, "error_color");
  SPIN_UNTIL (count_pixels (chart, &light) > 50);

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  SPIN_UNTIL (adw_style_manager_get_dark (style_manager));
  dark = theme_colour (chart, "error_color");
  g_assert_false (gdk_rgba_equal (&light, &dark));
  /* Drawn again once the style has changed, at the next frame. */
  SPIN_UNTIL (count_pixels (chart, &dark) > 50);
  g_assert_cmpuint (count_pixels (chart, &light), ==, 0);
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

/* }}} */
/* Overview page {{{ */

/* Through the dialog: a search narrows the list; APPI depends on a condition, so Add waits for
 * one; added, the three reports are listed, APPI's final report 60 days out for unauthorised
 * access; the rule is then shown as added. */
static void
test_add_obligation (Fixture       *fixture,
                     gconstpointer  data)
{
  DeskObligationsGroup *group;
  GtkWindow *dialog;
  GtkWidget *check;
  gpointer weak;
  g_autoptr(DeskRecord) final = NULL;

  show_page (fixture, DESK_TYPE_OVERVIEW_PAGE);
  group = obligations_group (fixture);
  g_assert_cmpuint (_desk_obligations_group_get_n_rows (group), ==, 0);

  dialog = desk_obligations_group_open_dialog (group);
  g_assert_true (DESK_IS_OBLIGATION_DIALOG (dialog));
  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);

  _desk_obligation_dialog_search (DESK_OBLIGATION_DIALOG (dialog), "appi");
  g_assert_cmpuint (_desk_obligation_dialog_count_shown (DESK_OBLIGATION_DIALOG (dialog)), ==, 2);
  g_assert_nonnull (desk_test_find_label (_desk_obligation_dialog_get_rule_row (DESK_OBLIGATION_DIALOG (dialog), "appi"),
                                          "To verify"));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (dialog), "obligation.add", NULL)
                  && weak == NULL);

  /* The rule's check button says which rule it chooses. */
  check = adw_action_row_get_activatable_widget (
    ADW_ACTION_ROW (_desk_obligation_dialog_get_rule_row (DESK_OBLIGATION_DIALOG (dialog),
                                                          "appi")));
  gtk_test_accessible_assert_property (check, GTK_ACCESSIBLE_PROPERTY_LABEL, "APPI (Japan)");

  g_assert_true (_desk_obligation_dialog_select_rule (DESK_OBLIGATION_DIALOG (dialog), "appi"));
  /* A condition to choose first. */
  g_assert_nonnull (desk_test_find_label (GTK_WIDGET (dialog), "Which Case Applies"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "obligation.add", NULL);
  g_assert_nonnull (weak);

  g_assert_true (_desk_obligation_dialog_select_condition (DESK_OBLIGATION_DIALOG (dialog),
                                                          "unauthorised-access"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "obligation.add", NULL));
  SPIN_UNTIL (weak == NULL);
  desk_test_wait_for_page (fixture->page);

  g_assert_cmpuint (_desk_obligations_group_get_n_rows (group), ==, 3);
  g_assert_true (subtitle_is (obligation_row (fixture, 0),
                              "Due 19 Apr 2026, 23:59 JST · in 3 days"));
  g_assert_true (subtitle_is (obligation_row (fixture, 1),
                              "Due 15 Jun 2026, 23:59 JST · in 60 days"));
  final = load_obligation (fixture, obligation_row (fixture, 1));
  g_assert_cmpstr (desk_record_get_string (final, "condition"), ==, "unauthorised-access");

  /* Again: APPI is there already. */
  dialog = desk_obligations_group_open_dialog (group);
  g_assert_false (_desk_obligation_dialog_select_rule (DESK_OBLIGATION_DIALOG (dialog), "appi"));
  g_assert_true (_desk_obligation_dialog_select_rule (DESK_OBLIGATION_DIALOG (dialog), "gdpr"));
  gtk_window_destroy (dialog);
}

/* A clock-start time that is not a time is refused by the dialog, which stays open. */
static void
test_add_obligation_bad_clock (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWindow *dialog;
  GtkWidget *clock;

  show_page (fixture, DESK_TYPE_OVERVIEW_PAGE);
  dialog = desk_obligations_group_open_dialog (obligations_group (fixture));
  g_assert_true (_desk_obligation_dialog_select_rule (DESK_OBLIGATION_DIALOG (dialog), "gdpr"));

  clock = desk_test_find_row (GTK_WIDGET (dialog), "Clock Starts");
  g_assert_nonnull (clock);
  gtk_editable_set_text (GTK_EDITABLE (clock), "next Tuesday");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "obligation.add", NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpuint (desk_test_count (fixture->store, DESK_TYPE_OBLIGATION, "incident-id",
                                     desk_record_get_id (DESK_RECORD (fixture->incident))),
                    ==, 0);

  /* A time it reads: from then. */
  gtk_editable_set_text (GTK_EDITABLE (clock), "2026-04-16 08:00");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "obligation.add", NULL));
  SPIN_UNTIL (_desk_obligations_group_get_n_rows (obligations_group (fixture)) == 2);
  g_assert_true (subtitle_is (obligation_row (fixture, 0),
                              "Due 19 Apr 2026, 08:00 JST · in 2 days"));
}

/* Filing the first stage, with a reference: stored, and said in the row. */
static void
test_file_obligation (Fixture       *fixture,
                      gconstpointer  data)
{
  DeskObligationRow *row;
  GtkWidget *reference;
  g_autoptr(DeskRecord) stored = NULL;

  desk_test_add_rule (fixture->store, fixture->incident, "gdpr", NULL);
  show_page (fixture, DESK_TYPE_OVERVIEW_PAGE);
  row = obligation_row (fixture, 0);
  g_assert_true (subtitle_is (row, "Due 18 Apr 2026, 14:00 JST · in 2 days"));

  adw_combo_row_set_selected (ADW_COMBO_ROW (_desk_obligation_row_get_field_row (row, "status")),
                              DESK_OBLIGATION_STATUS_FILED);
  SPIN_UNTIL (subtitle_is (row, "Filed 16 Apr 2026, 10:00 JST"));

  reference = _desk_obligation_row_get_field_row (row, "reference");
  gtk_editable_set_text (GTK_EDITABLE (reference), "  EDPB-2026-0417 ");
  g_signal_emit_by_name (reference, "apply");
  desk_test_wait_for_page (fixture->page);
  SPIN_UNTIL (_desk_overview_page_is_busy (DESK_OVERVIEW_PAGE (fixture->page)) == FALSE);

  stored = load_obligation (fixture, row);
  g_assert_cmpint (desk_record_get_enum (stored, "status"), ==, DESK_OBLIGATION_STATUS_FILED);
  g_assert_cmpint (desk_record_get_int (stored, "filed-at"), ==, fixture->now);
  g_assert_cmpstr (desk_record_get_string (stored, "reference"), ==, "EDPB-2026-0417");
}

/* Becoming aware a day later moves GDPR's 72 hours: the row says the new due time and a toast
 * how many moved. */
static void
test_clock_moves_due (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *aware;

  desk_test_add_rule (fixture->store, fixture->incident, "gdpr", NULL);
  show_page (fixture, DESK_TYPE_OVERVIEW_PAGE);
  g_assert_true (subtitle_is (obligation_row (fixture, 0),
                              "Due 18 Apr 2026, 14:00 JST · in 2 days"));

  aware = _desk_overview_page_get_field_row (DESK_OVERVIEW_PAGE (fixture->page), "aware-at");
  gtk_editable_set_text (GTK_EDITABLE (aware), "2026-04-16 09:00");
  g_signal_emit_by_name (aware, "apply");

  SPIN_UNTIL (subtitle_is (obligation_row (fixture, 0),
                           "Due 19 Apr 2026, 09:00 JST · in 2 days"));
  SPIN_UNTIL (desk_test_find_label (GTK_WIDGET (fixture->window), "1 due date moved") != NULL);
}

/* An announced figure, then another: the history lists both, newest first, with who and where
 * from, and draws them. */
static void
test_figure_history (Fixture       *fixture,
                     gconstpointer  data)
{
  DeskFigureHistory *history;
  GtkWidget *row;
  g_autofree char *newest = NULL;
  g_autofree char *oldest = NULL;

  desk_record_set_int (DESK_RECORD (fixture->incident), "estimated-potential", 4072650);
  desk_test_save (fixture->store, fixture->incident);

  show_page (fixture, DESK_TYPE_OVERVIEW_PAGE);
  history = _desk_overview_page_get_figure_history (DESK_OVERVIEW_PAGE (fixture->page));
  g_assert_cmpuint (_desk_figure_history_get_n_rows (history), ==, 1);
  g_assert_true (gtk_widget_get_visible (_desk_figure_history_get_chart (history)));

  fixture->now += 2 * HOUR;
  row = _desk_overview_page_get_field_row (DESK_OVERVIEW_PAGE (fixture->page),
                                           "estimated-confirmed");
  gtk_editable_set_text (GTK_EDITABLE (row), "311,288");
  g_signal_emit_by_name (row, "apply");
  SPIN_UNTIL (_desk_figure_history_get_n_rows (history) == 2);

  newest = _desk_figure_history_dup_row_text (history, 0);
  oldest = _desk_figure_history_dup_row_text (history, 1);
  g_assert_cmpstr (newest, ==, "4,072,650 potentially affected · 311,288 confirmed"
                               " | 16 Apr 2026, 12:00 JST · Aiko Tanaka · Announced estimate");
  g_assert_cmpstr (oldest, ==, "4,072,650 potentially affected · 0 confirmed"
                               " | 16 Apr 2026, 10:00 JST · Aiko Tanaka · Announced estimate");
}

/* Ctrl+Shift+O, from another page: the Overview, and the dialog over it. */
static void
test_add_obligation_shortcut (Fixture       *fixture,
                              gconstpointer  data)
{
  DeskWindow *window = desk_window_new (NULL, fixture->store);
  AdwViewStack *pages = _desk_window_get_view_stack (window);
  GtkWindow *dialog;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  SPIN_UNTIL (_desk_window_get_selected (window) != NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "notifications"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-obligation", NULL));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (pages), ==, "overview");
  SPIN_UNTIL ((dialog = desk_test_find_toplevel (DESK_TYPE_OBLIGATION_DIALOG)) != NULL);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));

  gtk_window_destroy (dialog);
  desk_test_destroy_window (GTK_WINDOW (window), NULL);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/desk/deadlines-ui/countdown", test_countdown);
  g_test_add_func ("/desk/deadlines-ui/urgency", test_urgency);

#define ADD(path, func) \
  g_test_add ("/desk/deadlines-ui/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("due-next", test_due_next);
  ADD ("due-next-done", test_due_next_done);
  ADD ("progress-chart", test_progress_chart);
  ADD ("add-obligation", test_add_obligation);
  ADD ("add-obligation-bad-clock", test_add_obligation_bad_clock);
  ADD ("file-obligation", test_file_obligation);
  ADD ("clock-moves-due", test_clock_moves_due);
  ADD ("figure-history", test_figure_history);
  ADD ("add-obligation-shortcut", test_add_obligation_shortcut);

#undef ADD

  return g_test_run ();
}
