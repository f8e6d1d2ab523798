/* desk-test-ui-utils.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the widget tests share: a store on a temporary database, a page shown in a window of its
 * own under an AdwToastOverlay (as in DeskWindow, so that toasts have somewhere to go), waiting
 * for the page to settle, and finding widgets as a person would, by what they show. */

#define G_LOG_DOMAIN "desk-test-ui-utils"

#include "config.h"

#include "desk-incident-page.h"
#include "desk-test-utils.h"
#include "desk-test-ui-utils.h"

/* The source SPIN_UNTIL() wakes the main loop with. */
gboolean
desk_test_wake_up (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Store {{{ */

/* Returns: (transfer full): a store on "incidents.db" in a new temporary folder, put in @dir */
DeskStore *
desk_test_open_tmp_store (char **dir)
{
  g_autofree char *path = NULL;

  *dir = desk_test_make_tmp_dir ();
  path = g_build_filename (*dir, "incidents.db", NULL);
  return desk_test_open_store (path);
}

/* Takes @store and @dir: waits for the store to go, then removes the folder. */
void
desk_test_close_tmp_store (DeskStore *store,
                           char      *dir)
{
  desk_test_await_finalize (store);
  desk_test_remove_tree (dir);
  g_free (dir);
}

/* Marks the first notice of @incident's ledger as sent, and every third after it, as the
 * Customers and Notifications pages' tests find them.
 *
 * Returns: how many notices the ledger holds */
guint
desk_test_send_every_third (DeskStore    *store,
                            DeskIncident *incident)
{
  g_autoptr(GPtrArray) ledger = NULL;
  g_autoptr(GPtrArray) sent = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  ledger = desk_store_list (store, DESK_TYPE_NOTIFICATION, "incident-id",
                            desk_record_get_id (DESK_RECORD (incident)), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ledger->len; i += 3)
    g_ptr_array_add (sent, g_object_ref (g_ptr_array_index (ledger, i)));
  g_assert_true (desk_store_set_notification_status (store, sent, DESK_NOTIFICATION_STATUS_SENT,
                                                     &error));
  g_assert_no_error (error);
  return ledger->len;
}

/* }}} */
/* Pages {{{ */

/* Returns: (transfer none): a new window, owned by GTK's list of toplevels, that shows @page */
GtkWindow *
desk_test_present_page (GtkWidget *page,
                        int        width,
                        int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *overlay = adw_toast_overlay_new ();

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, overlay);
  gtk_window_present (window);
  return window;
}

/* Waits until @page (a DeskIncidentPage) has no request under way. */
void
desk_test_wait_for_page (gpointer page)
{
  SPIN_UNTIL (!desk_incident_page_is_loading (page));
}

/* Shows @incident of @store on @page and waits for the page to read it. */
void
desk_test_show_incident (gpointer      page,
                         DeskStore    *store,
                         DeskIncident *incident)
{
  desk_incident_page_set_store (page, store);
  desk_incident_page_set_incident (page, incident);
  /* Else the wait below would prove nothing. */
  g_assert_true (desk_incident_page_is_loading (page));
  desk_test_wait_for_page (page);
}

/* Destroys @window and waits until it, and @page if not %NULL, are finalized: requests still
 * finishing may hold them a little longer. */
void
desk_test_destroy_window (GtkWindow *window,
                          gpointer   page)
{
  gpointer weak_window = window;
  gpointer weak_page = page;

  g_object_add_weak_pointer (G_OBJECT (window), &weak_window);
  if (page != NULL)
    g_object_add_weak_pointer (G_OBJECT (page), &weak_page);

  /* The toplevel list owns the window; destroying it drops that reference. */
  gtk_window_destroy (window);
  SPIN_UNTIL (weak_window == NULL && weak_page == NULL);
}

/* }}} */
/* Finding widgets {{{ */

typedef gboolean (*WidgetMatchFunc) (GtkWidget     *widget,
                                     gconstpointer  data);

/* Returns: (transfer none) (nullable): the first widget under @widget, depth first, that
 *   @match accepts */
static GtkWidget *
find_matching (GtkWidget       *widget,
               WidgetMatchFunc  match,
               gconstpointer    data)
{
  if (match (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_matching (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

/* Only a mapped button: one a person could press. */
static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

static gboolean
is_cell_showing (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_INSCRIPTION (widget)
         && g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), data) == 0;
}

static gboolean
is_label_showing (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

/* Returns: (transfer none) (nullable): the mapped label under @widget showing @text, e.g. a
 *   toast's title */
GtkWidget *
desk_test_find_label (GtkWidget  *widget,
                      const char *text)
{
  return find_matching (widget, is_label_showing, text);
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  data)
{
  return ADW_IS_PREFERENCES_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

/* Returns: (transfer none) (nullable): the row titled @title under @widget, e.g. a setting of the
 *   preferences */
GtkWidget *
desk_test_find_row (GtkWidget  *widget,
                    const char *title)
{
  return find_matching (widget, is_row_titled, title);
}

/* Returns: (transfer full) (nullable): the text this process put on @clipboard, if any */
char *
desk_test_get_clipboard_text (GdkClipboard *clipboard)
{
  GdkContentProvider *content = gdk_clipboard_get_content (clipboard);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  if (content == NULL || !gdk_content_provider_get_value (content, &value, NULL))
    return NULL;

  return g_value_dup_string (&value);
}

/* Returns: (transfer none) (nullable): the first widget of @type under @widget, depth first */
GtkWidget *
desk_test_find_widget (GtkWidget *widget,
                       GType      type)
{
  return find_matching (widget, is_of_type, GSIZE_TO_POINTER (type));
}

/* Returns: (transfer none) (nullable): the mapped button labelled @label under @widget, e.g. the
 *   Undo of a toast or a response of a message dialog */
GtkWidget *
desk_test_find_button (GtkWidget  *widget,
                       const char *label)
{
  return find_matching (widget, is_button_labelled, label);
}

/* Returns: (transfer none) (nullable): the cell of a column view under @widget showing @text */
GtkWidget *
desk_test_find_cell (GtkWidget  *widget,
                     const char *text)
{
  return find_matching (widget, is_cell_showing, text);
}

/* Returns: (transfer none) (nullable): the first toplevel of @type, shown or not */
GtkWindow *
desk_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_items = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

/* Answers the confirmation dialog that is up, or about to be, with @response, and closes it as a
 * click on its button would. */
void
desk_test_respond_to_dialog (const char *response)
{
  GtkWindow *dialog = NULL;
  gpointer weak;

  SPIN_UNTIL ((dialog = desk_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL);

  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  if (weak != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (dialog), &weak);
      gtk_window_destroy (dialog);
    }
}

/* }}} */
