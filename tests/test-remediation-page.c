/* test-remediation-page.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The remediation page on a real temporary database, under Xvfb, and the pure functions that
 * word due dates and progress (desk-remediation-text.c). */

#define G_LOG_DOMAIN "test-remediation-page"

#include "config.h"

#include <adwaita.h>

#include "desk-checklist-view.h"
#include "desk-remediation-page-private.h"
#include "desk-remediation-text.h"
#include "desk-template.h"
#include "desk-test-ui-utils.h"
#include "desk-test-utils.h"

#define DAY (24 * 60 * 60)

/* 2026-04-14 09:30:00 UTC */
#define DETECTED 1776159000

/* Fixture {{{ */

typedef struct
{
  char                *dir;
  DeskStore           *store;
  gint64               now;
  DeskIncident        *incident;
  GtkWindow           *window;
  DeskRemediationPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = desk_test_open_tmp_store (&fixture->dir);

  /* Ten days after detection: the template's first items are overdue. */
  fixture->now = DETECTED + 10 * DAY;
  desk_store_set_clock (fixture->store, desk_test_fixed_clock, &fixture->now);

  fixture->incident = desk_incident_new ("Directory server intrusion");
  desk_record_set_int (DESK_RECORD (fixture->incident), "detected-at", DETECTED);
  desk_test_save (fixture->store, fixture->incident);

  fixture->page = g_object_new (DESK_TYPE_REMEDIATION_PAGE, NULL);
  fixture->window = desk_test_present_page (GTK_WIDGET (fixture->page), 360, 640);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  desk_test_destroy_window (fixture->window, fixture->page);

  g_clear_object (&fixture->incident);
  desk_test_close_tmp_store (g_steal_pointer (&fixture->store), g_steal_pointer (&fixture->dir));
}

static void
wait_for_page (Fixture *fixture)
{
  desk_test_wait_for_page (fixture->page);
}

static void
show_incident (Fixture *fixture)
{
  desk_test_show_incident (fixture->page, fixture->store, fixture->incident);
}

static gint64
incident_id (Fixture *fixture)
{
  return desk_record_get_id (DESK_RECORD (fixture->incident));
}

/* Returns: (transfer full): the incident's checklist items, in the store's order */
static GPtrArray *
list_items (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = desk_store_list (fixture->store, DESK_TYPE_CHECKLIST_ITEM, "incident-id",
                                      incident_id (fixture), &error);

  g_assert_no_error (error);
  return items;
}

static DeskRecord *
load_item (Fixture *fixture,
           gint64   id)
{
  g_autoptr(GError) error = NULL;
  DeskRecord *item = desk_store_load (fixture->store, DESK_TYPE_CHECKLIST_ITEM, id, &error);

  g_assert_no_error (error);
  return item;
}

/* Shows the incident with a checklist from the "patching" template, added through the page. */
static DeskChecklistView *
add_patching (Fixture *fixture)
{
  show_incident (fixture);
  _desk_remediation_page_add_checklist (fixture->page, "patching");
  wait_for_page (fixture);
  g_assert_cmpuint (_desk_remediation_page_get_n_checklists (fixture->page), ==, 1);

  return DESK_CHECKLIST_VIEW (_desk_remediation_page_get_checklist_view (fixture->page, 0));
}

static DeskRecord *
row_item (DeskChecklistView *view,
          guint              index)
{
  DeskChecklistItemRow *row = desk_checklist_view_get_item_row (view, index);

  g_assert_nonnull (row);
  return DESK_RECORD (desk_checklist_item_row_get_item (row));
}

/* }}} */
/* Page {{{ */

static void
test_page_empty (Fixture       *fixture,
                 gconstpointer  data)
{
  show_incident (fixture);

  g_assert_cmpstr (_desk_remediation_page_get_visible_state (fixture->page), ==, "empty");
  g_assert_cmpuint (_desk_remediation_page_get_n_checklists (fixture->page), ==, 0);
}

static void
test_page_add_from_template (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GPtrArray) checklists = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  DeskTemplate *template;
  DeskChecklistView *view;

  view = add_patching (fixture);
  g_assert_cmpstr (_desk_remediation_page_get_visible_state (fixture->page), ==, "checklists");

  templates = desk_template_load_builtin (&error);
  g_assert_no_error (error);
  template = desk_template_find (templates, "patching", &error);
  g_assert_no_error (error);

  checklists = desk_store_list (fixture->store, DESK_TYPE_CHECKLIST, "incident-id",
                                incident_id (fixture), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checklists->len, ==, 1);
  g_assert_cmpstr (desk_record_get_string (g_ptr_array_index (checklists, 0), "template"), ==,
                   "patching");

  /* 14 items, in the template's order, due so many days after detection. */
  items = list_items (fixture);
  g_assert_cmpuint (items->len, ==, 14);
  g_assert_cmpuint (desk_template_get_n_items (template), ==, 14);
  for (guint i = 0; i < items->len; i++)
    {
      DeskRecord *item = g_ptr_array_index (items, i);
      const DeskTemplateItem *expected = g_ptr_array_index (desk_template_get_items (template), i);

      g_assert_cmpstr (desk_record_get_string (item, "text"), ==, expected->text);
      g_assert_cmpint (desk_record_get_enum (item, "status"), ==, DESK_ITEM_STATUS_TODO);
      g_assert_cmpint (desk_record_get_int (item, "due-at"), ==,
                       expected->has_due ? DETECTED + (gint64) expected->due_days * DAY : 0);
    }

  /* The page shows them, with their progress. */
  g_assert_cmpuint (desk_checklist_view_get_n_items (view), ==, 14);
  g_assert_cmpstr (desk_checklist_view_get_progress_text (view), ==, "0 of 14 done");
}

static void
test_page_add_empty (Fixture       *fixture,
                     gconstpointer  data)
{
  DeskChecklistView *view;

  show_incident (fixture);
  _desk_remediation_page_add_checklist (fixture->page, NULL);
  wait_for_page (fixture);

  g_assert_cmpuint (_desk_remediation_page_get_n_checklists (fixture->page), ==, 1);
  view = DESK_CHECKLIST_VIEW (_desk_remediation_page_get_checklist_view (fixture->page, 0));
  g_assert_cmpstr (desk_checklist_view_get_progress_text (view), ==, "No items yet");

  _desk_remediation_page_add_item (fixture->page, desk_checklist_view_get_checklist (view),
                                   "Rotate the directory admin passwords");
  wait_for_page (fixture);
  g_assert_cmpuint (desk_checklist_view_get_n_items (view), ==, 1);
  g_assert_cmpstr (desk_record_get_string (row_item (view, 0), "text"), ==,
                   "Rotate the directory admin passwords");
  g_assert_cmpuint (desk_test_count (fixture->store, DESK_TYPE_CHECKLIST_ITEM, "incident-id",
                                     incident_id (fixture)), ==, 1);
}

/* Whether @view, laid out, shows in its scrolled window: whole, or its top as much as fits. */
static gboolean
in_viewport (GtkWidget *view)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);
  int page_height = gtk_widget_get_height (scroller);
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (view, scroller, &bounds) || bounds.size.height == 0)
    return FALSE;
  return bounds.origin.y >= 0 && bounds.origin.y < page_height
         && (bounds.origin.y + bounds.size.height <= page_height || bounds.origin.y == 0);
}

/* Whether the keyboard focus is in a widget of @type inside @view. */
static gboolean
focus_in (GtkWidget *view,
          GType      type)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (view));
  GtkWidget *holder = focus ? gtk_widget_get_ancestor (focus, type) : NULL;

  return holder != NULL && gtk_widget_is_ancestor (holder, view);
}

/* A checklist is added after the others, out of sight: the page scrolls to it, its header
 * focused — the title entry for an empty one, the menu for one from a template. */
static void
test_page_add_scrolls (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *view;

  add_patching (fixture);
  for (guint i = 1; i < 3; i++)
    {
      _desk_remediation_page_add_checklist (fixture->page, "patching");
      wait_for_page (fixture);
    }
  g_assert_cmpuint (_desk_remediation_page_get_n_checklists (fixture->page), ==, 3);

  _desk_remediation_page_add_checklist (fixture->page, NULL);
  wait_for_page (fixture);
  view = _desk_remediation_page_get_checklist_view (fixture->page, 3);
  SPIN_UNTIL (in_viewport (view) && focus_in (view, GTK_TYPE_ENTRY));
  g_assert_false (in_viewport (_desk_remediation_page_get_checklist_view (fixture->page, 0)));

  /* Back to the top, then one from a template, taller than the window. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
    gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW))), 0);
  _desk_remediation_page_add_checklist (fixture->page, "patching");
  wait_for_page (fixture);
  view = _desk_remediation_page_get_checklist_view (fixture->page, 4);
  SPIN_UNTIL (in_viewport (view) && focus_in (view, GTK_TYPE_MENU_BUTTON));
}

static void
test_page_tick_done (Fixture       *fixture,
                     gconstpointer  data)
{
  DeskChecklistView *view = add_patching (fixture);
  DeskChecklistItemRow *row = desk_checklist_view_get_item_row (view, 0);
  gint64 id = desk_record_get_id (row_item (view, 0));
  g_autoptr(DeskRecord) stored = NULL;
  g_autoptr(DeskRecord) undone = NULL;

  gtk_check_button_set_active (_desk_checklist_item_row_get_done_check (row), TRUE);
  wait_for_page (fixture);

  stored = load_item (fixture, id);
  g_assert_cmpint (desk_record_get_enum (stored, "status"), ==, DESK_ITEM_STATUS_DONE);
  g_assert_cmpint (desk_record_get_int (stored, "done-at"), ==, fixture->now);
  g_assert_cmpstr (desk_checklist_view_get_progress_text (view), ==, "1 of 14 done");
  g_assert_false (desk_checklist_item_row_is_overdue (row));

  /* And back. */
  gtk_check_button_set_active (_desk_checklist_item_row_get_done_check (row), FALSE);
  wait_for_page (fixture);
  undone = load_item (fixture, id);
  g_assert_cmpint (desk_record_get_enum (undone, "status"), ==, DESK_ITEM_STATUS_TODO);
  g_assert_cmpint (desk_record_get_int (undone, "done-at"), ==, 0);
  g_assert_cmpstr (desk_checklist_view_get_progress_text (view), ==, "0 of 14 done");
}

static void
test_page_progress (Fixture       *fixture,
                    gconstpointer  data)
{
  DeskChecklistView *view = add_patching (fixture);
  DeskChecklistItemRow *row;

  /* Done and not applicable both count as finished. */
  gtk_check_button_set_active (_desk_checklist_item_row_get_done_check (
                                 desk_checklist_view_get_item_row (view, 0)), TRUE);
  wait_for_page (fixture);

  row = desk_checklist_view_get_item_row (view, 1);
  desk_record_set_enum (DESK_RECORD (desk_checklist_item_row_get_item (row)), "status",
                        DESK_ITEM_STATUS_NOT_APPLICABLE);
  _desk_remediation_page_save_item (fixture->page, desk_checklist_item_row_get_item (row));
  wait_for_page (fixture);

  row = desk_checklist_view_get_item_row (view, 2);
  desk_record_set_enum (DESK_RECORD (desk_checklist_item_row_get_item (row)), "status",
                        DESK_ITEM_STATUS_BLOCKED);
  _desk_remediation_page_save_item (fixture->page, desk_checklist_item_row_get_item (row));
  wait_for_page (fixture);

  g_assert_cmpstr (desk_checklist_view_get_progress_text (view), ==, "2 of 14 done");
}

static void
test_page_reorder (Fixture       *fixture,
                   gconstpointer  data)
{
  DeskChecklistView *view = add_patching (fixture);
  gint64 first = desk_record_get_id (row_item (view, 0));
  gint64 second = desk_record_get_id (row_item (view, 1));
  g_autoptr(DeskRecord) moved = NULL;
  g_autoptr(DeskRecord) other = NULL;

  /* The first item cannot move up. */
  gtk_widget_activate_action (GTK_WIDGET (desk_checklist_view_get_item_row (view, 0)),
                              "item.move-up", NULL);
  wait_for_page (fixture);
  g_assert_cmpint (desk_record_get_id (row_item (view, 0)), ==, first);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (desk_checklist_view_get_item_row (view,
                                                                                          0)),
                                             "item.move-down", NULL));
  wait_for_page (fixture);

  moved = load_item (fixture, first);
  other = load_item (fixture, second);
  g_assert_cmpint (desk_record_get_int (moved, "position"), ==, 1);
  g_assert_cmpint (desk_record_get_int (other, "position"), ==, 0);

  /* The rows follow. */
  g_assert_cmpint (desk_record_get_id (row_item (view, 0)), ==, second);
  g_assert_cmpint (desk_record_get_id (row_item (view, 1)), ==, first);
}

static void
test_page_remove_undo (Fixture       *fixture,
                       gconstpointer  data)
{
  DeskChecklistView *view = add_patching (fixture);
  DeskRecord *item = row_item (view, 3);
  g_autofree char *text = g_strdup (desk_record_get_string (item, "text"));
  GtkWidget *undo;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (desk_checklist_view_get_item_row (view,
                                                                                          3)),
                                             "item.remove", NULL));
  wait_for_page (fixture);

  g_assert_cmpuint (desk_test_count (fixture->store, DESK_TYPE_CHECKLIST_ITEM, "incident-id",
                                     incident_id (fixture)), ==, 13);
  g_assert_cmpuint (desk_checklist_view_get_n_items (view), ==, 13);
  g_assert_cmpstr (desk_checklist_view_get_progress_text (view), ==, "0 of 13 done");

  SPIN_UNTIL ((undo = desk_test_find_button (GTK_WIDGET (fixture->window), "_Undo")) != NULL);
  g_signal_emit_by_name (undo, "clicked");
  SPIN_UNTIL (desk_test_count (fixture->store, DESK_TYPE_CHECKLIST_ITEM, "incident-id",
                               incident_id (fixture)) == 14);
  wait_for_page (fixture);

  /* Back where it was. */
  g_assert_cmpuint (desk_checklist_view_get_n_items (view), ==, 14);
  g_assert_cmpstr (desk_record_get_string (row_item (view, 3), "text"), ==, text);
}

static void
test_page_delete_checklist (Fixture       *fixture,
                            gconstpointer  data)
{
  DeskChecklistView *view = add_patching (fixture);
  GtkWidget *undo;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "checklist.delete", NULL));
  desk_test_respond_to_dialog ("confirm");
  SPIN_UNTIL (_desk_remediation_page_get_n_checklists (fixture->page) == 0);
  wait_for_page (fixture);

  g_assert_cmpstr (_desk_remediation_page_get_visible_state (fixture->page), ==, "empty");
  g_assert_cmpuint (desk_test_count (fixture->store, DESK_TYPE_CHECKLIST, "incident-id",
                                     incident_id (fixture)), ==, 0);

  SPIN_UNTIL ((undo = desk_test_find_button (GTK_WIDGET (fixture->window), "_Undo")) != NULL);
  g_signal_emit_by_name (undo, "clicked");
  SPIN_UNTIL (_desk_remediation_page_get_n_checklists (fixture->page) == 1);
  wait_for_page (fixture);

  view = DESK_CHECKLIST_VIEW (_desk_remediation_page_get_checklist_view (fixture->page, 0));
  g_assert_cmpuint (desk_checklist_view_get_n_items (view), ==, 14);
}

static void
test_page_overdue (Fixture       *fixture,
                   gconstpointer  data)
{
  DeskChecklistView *view = add_patching (fixture);
  guint n_overdue = 0;

  for (guint i = 0; i < desk_checklist_view_get_n_items (view); i++)
    {
      DeskChecklistItemRow *row = desk_checklist_view_get_item_row (view, i);
      DeskRecord *item = row_item (view, i);
      gint64 due_at = desk_record_get_int (item, "due-at");
      gboolean overdue = due_at != 0 && due_at < fixture->now;

      /* Marked by a style class (and an icon and words, which the class goes with). */
      g_assert_cmpint (desk_checklist_item_row_is_overdue (row), ==, overdue);
      g_assert_cmpint (gtk_widget_has_css_class (GTK_WIDGET (row), "overdue"), ==, overdue);
      n_overdue += overdue;
    }

  /* The template's first steps are due within ten days of detection. */
  g_assert_cmpuint (n_overdue, >, 0);
  g_assert_cmpuint (n_overdue, <, 14);

  /* Done is never overdue. */
  for (guint i = 0; i < desk_checklist_view_get_n_items (view); i++)
    {
      DeskChecklistItemRow *row = desk_checklist_view_get_item_row (view, i);

      if (!desk_checklist_item_row_is_overdue (row))
        continue;

      gtk_check_button_set_active (_desk_checklist_item_row_get_done_check (row), TRUE);
      wait_for_page (fixture);
      g_assert_false (desk_checklist_item_row_is_overdue (row));
      g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "overdue"));
      break;
    }
}

static void
test_page_follows_incident (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(DeskIncident) other = desk_incident_new ("Partner app leak");

  desk_test_save (fixture->store, other);
  add_patching (fixture);

  desk_incident_page_set_incident (DESK_INCIDENT_PAGE (fixture->page), other);
  wait_for_page (fixture);
  g_assert_cmpstr (_desk_remediation_page_get_visible_state (fixture->page), ==, "empty");
  g_assert_cmpuint (_desk_remediation_page_get_n_checklists (fixture->page), ==, 0);

  desk_incident_page_set_incident (DESK_INCIDENT_PAGE (fixture->page), fixture->incident);
  wait_for_page (fixture);
  g_assert_cmpuint (_desk_remediation_page_get_n_checklists (fixture->page), ==, 1);
}

/* }}} */
/* Text {{{ */

static void
test_text_due (void)
{
  g_autoptr(GDateTime) noon = g_date_time_new_local (2026, 4, 14, 12, 0, 0);
  gint64 now = g_date_time_to_unix (noon);
  static const struct {
    gint64          due_offset;   /* from now; G_MININT64: no due date */
    DeskItemStatus  status;
    gint64          done_offset;  /* from now; 0: not done */
    const char     *text;
    gboolean        overdue;
  } cases[] = {
    { 5 * DAY, DESK_ITEM_STATUS_TODO, 0, "Due 19 Apr", FALSE },
    { DAY, DESK_ITEM_STATUS_IN_PROGRESS, 0, "Due tomorrow", FALSE },
    { 3600, DESK_ITEM_STATUS_TODO, 0, "Due today", FALSE },
    { -3600, DESK_ITEM_STATUS_TODO, 0, "Overdue since today", TRUE },
    { -DAY, DESK_ITEM_STATUS_BLOCKED, 0, "Overdue by 1 day", TRUE },
    { -3 * DAY, DESK_ITEM_STATUS_TODO, 0, "Overdue by 3 days", TRUE },
    { -3 * DAY, DESK_ITEM_STATUS_DONE, -DAY, "Done 13 Apr", FALSE },
    { -3 * DAY, DESK_ITEM_STATUS_NOT_APPLICABLE, 0, NULL, FALSE },
    { 300 * DAY, DESK_ITEM_STATUS_TODO, 0, "Due 8 Feb 2027", FALSE },
    { G_MININT64, DESK_ITEM_STATUS_TODO, 0, NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 due_at = cases[i].due_offset == G_MININT64 ? 0 : now + cases[i].due_offset;
      gint64 done_at = cases[i].done_offset ? now + cases[i].done_offset : 0;
      g_autofree char *text = desk_item_due_text (due_at, cases[i].status, done_at, now);

      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_cmpint (desk_item_is_overdue (due_at, cases[i].status, now), ==,
                       cases[i].overdue);
    }
}

static void
test_text_progress (void)
{
  g_autofree char *none = desk_checklist_progress_text (0, 0);
  g_autofree char *some = desk_checklist_progress_text (9, 14);
  g_autofree char *one = desk_checklist_progress_text (1, 1);

  g_assert_cmpstr (none, ==, "No items yet");
  g_assert_cmpstr (some, ==, "9 of 14 done");
  g_assert_cmpstr (one, ==, "1 of 1 done");

  g_assert_true (desk_item_status_is_complete (DESK_ITEM_STATUS_DONE));
  g_assert_true (desk_item_status_is_complete (DESK_ITEM_STATUS_NOT_APPLICABLE));
  g_assert_false (desk_item_status_is_complete (DESK_ITEM_STATUS_BLOCKED));
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* Toasts come and go at once: libadwaita 1.2 can abort when a toast is dismissed while
   * another still animates out, and only a test clicks fast enough to hit that. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/desk/remediation-page/empty", Fixture, NULL,
              fixture_set_up, test_page_empty, fixture_tear_down);
  g_test_add ("/desk/remediation-page/add-from-template", Fixture, NULL,
              fixture_set_up, test_page_add_from_template, fixture_tear_down);
  g_test_add ("/desk/remediation-page/add-empty", Fixture, NULL,
              fixture_set_up, test_page_add_empty, fixture_tear_down);
  g_test_add ("/desk/remediation-page/add-scrolls", Fixture, NULL,
              fixture_set_up, test_page_add_scrolls, fixture_tear_down);
  g_test_add ("/desk/remediation-page/tick-done", Fixture, NULL,
              fixture_set_up, test_page_tick_done, fixture_tear_down);
  g_test_add ("/desk/remediation-page/progress", Fixture, NULL,
              fixture_set_up, test_page_progress, fixture_tear_down);
  g_test_add ("/desk/remediation-page/reorder", Fixture, NULL,
              fixture_set_up, test_page_reorder, fixture_tear_down);
  g_test_add ("/desk/remediation-page/remove-undo", Fixture, NULL,
              fixture_set_up, test_page_remove_undo, fixture_tear_down);
  g_test_add ("/desk/remediation-page/delete-checklist", Fixture, NULL,
              fixture_set_up, test_page_delete_checklist, fixture_tear_down);
  g_test_add ("/desk/remediation-page/overdue", Fixture, NULL,
              fixture_set_up, test_page_overdue, fixture_tear_down);
  g_test_add ("/desk/remediation-page/follows-incident", Fixture, NULL,
              fixture_set_up, test_page_follows_incident, fixture_tear_down);
  g_test_add_func ("/desk/remediation-text/due", test_text_due);
  g_test_add_func ("/desk/remediation-text/progress", test_text_progress);

  return g_test_run ();
}
