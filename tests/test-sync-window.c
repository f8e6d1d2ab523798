/* test-sync-window.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The sync in the window, under Xvfb: the Sync preferences (the address checked as the client
 * checks it, the token in the keyring of libsecret's file backend and nowhere else), the header's
 * indicator through the states of a real `idesk serve` on 127.0.0.1, and a conflict between two
 * people resolved in the conflicts dialog. */

#define _GNU_SOURCE  /* memmem */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/prctl.h>

#include "desk-application.h"
#include "desk-conflict-row.h"
#include "desk-conflicts-dialog.h"
#include "desk-preferences-window-private.h"
#include "desk-store-sync.h"
#include "desk-sync-secret.h"
#include "desk-test-ui-utils.h"
#include "desk-test-utils.h"
#include "desk-window-private.h"

#define TOKEN "test-window-sync-token-0123456789"

static const char * const sync_keys[] = { "sync-endpoint", "sync-ca-file", "sync-interval" };

/* Fixture {{{ */

typedef struct
{
  char        *dir;
  DeskStore   *store;     /* the window's */
  DeskStore   *other;     /* someone else's, syncing with the same server */
  GSettings   *settings;
  GSubprocess *server;
  char        *url;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  fixture->dir = desk_test_make_tmp_dir ();
  a = g_build_filename (fixture->dir, "a.db", NULL);
  b = g_build_filename (fixture->dir, "b.db", NULL);
  fixture->store = desk_test_open_store (a);
  fixture->other = desk_test_open_store (b);
  desk_store_set_actor (fixture->other, "Hiro Sato");
  fixture->settings = g_settings_new (DESK_SETTINGS_SCHEMA_ID);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (sync_keys); i++)
    g_settings_reset (fixture->settings, sync_keys[i]);

  if (fixture->server != NULL)
    {
      g_subprocess_send_signal (fixture->server, SIGTERM);
      g_subprocess_wait (fixture->server, NULL, NULL);
    }
  g_clear_object (&fixture->server);
  g_clear_pointer (&fixture->url, g_free);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->other);
  desk_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

/* A failed test aborts before its tear-down: the server must not outlive it. */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

/* `idesk serve` on 127.0.0.1 and a free port, with one write token. */
static void
start_server (Fixture *fixture)
{
  g_autofree char *tokens = g_build_filename (fixture->dir, "tokens", NULL);
  g_autofree char *db = g_build_filename (fixture->dir, "server.db", NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  g_assert_true (g_file_set_contents (tokens, TOKEN " write\n", -1, &error));
  g_assert_cmpint (g_chmod (tokens, 0600), ==, 0);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  fixture->server = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("IDESK"),
                                                 "--database", db, "serve",
                                                 "--listen", "127.0.0.1:0",
                                                 "--tokens", tokens, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (fixture->server));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (line, "Listening on http://127.0.0.1:"));
  fixture->url = g_strdup (line + strlen ("Listening on "));
}

static void
on_done_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
store_token (const char *endpoint,
             const char *token)
{
  DeskSyncSecret *secret = desk_sync_secret_get_default ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  desk_sync_secret_store_async (secret, endpoint, token, NULL, on_done_cb, &result);
  SPIN_UNTIL (result != NULL);
  g_assert_true (desk_sync_secret_store_finish (secret, result, &error));
  g_assert_no_error (error);
}

static char *
lookup_token (const char *endpoint)
{
  DeskSyncSecret *secret = desk_sync_secret_get_default ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *token;

  desk_sync_secret_lookup_async (secret, endpoint, NULL, on_done_cb, &result);
  SPIN_UNTIL (result != NULL);
  token = desk_sync_secret_lookup_finish (secret, result, &error);
  g_assert_no_error (error);
  return token;
}

static void
forget_token (const char *endpoint)
{
  DeskSyncSecret *secret = desk_sync_secret_get_default ();
  g_autoptr(GAsyncResult) result = NULL;

  desk_sync_secret_clear_async (secret, endpoint, NULL, on_done_cb, &result);
  SPIN_UNTIL (result != NULL);
  g_assert_true (desk_sync_secret_clear_finish (secret, result, NULL));
}

/* The other person's sync, blocking: the server runs in its own process. */
static void
sync_other (Fixture *fixture)
{
  g_autoptr(DeskSyncClient) client = desk_sync_client_new (fixture->other);
  g_autoptr(GError) error = NULL;

  desk_sync_client_set_endpoint (client, fixture->url);
  desk_sync_client_set_token (client, TOKEN);
  g_assert_true (desk_sync_client_sync (client, NULL, &error));
  g_assert_no_error (error);
}

static DeskSyncIndicator *
get_indicator (DeskWindow *window)
{
  return window->sync_indicator;
}

static gboolean
is_title (DeskWindow *window,
          const char *title)
{
  return g_strcmp0 (desk_sync_indicator_get_title (get_indicator (window)), title) == 0
         && !window->sync_busy;
}

/* Whether the bytes of @needle are in the file at @path (missing: no). */
static gboolean
file_holds (const char *path,
            const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length;

  return g_file_get_contents (path, &contents, &length, NULL)
         && memmem (contents, length, needle, strlen (needle)) != NULL;
}

/* }}} */
/* Preferences {{{ */

static void
apply_entry (GtkWidget  *row,
             const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

static GtkWidget *
find_row (GtkWidget  *window,
          const char *title)
{
  GtkWidget *row = desk_test_find_row (window, title);

  g_assert_nonnull (row);
  return row;
}

/* The address is saved only as the client accepts it: no plain http:// but to this machine. The
 * token goes to the keyring, and neither the settings nor the database hold it. */
static void
test_preferences (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;
  g_autofree char *token = NULL;
  g_autofree char *not_pem = g_build_filename (fixture->dir, "not.pem", NULL);
  g_autofree char *ca = g_build_filename (fixture->dir, "ca.pem", NULL);
  g_autofree char *key = g_build_filename (fixture->dir, "ca-key.pem", NULL);
  g_autofree char *openssl_out = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *db = g_build_filename (fixture->dir, "a.db", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window, *endpoint, *error_row, *token_row, *status, *ca_row, *spin;

  window = GTK_WIDGET (desk_preferences_window_new (NULL));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (window), "sync");
  gtk_window_present (GTK_WINDOW (window));

  endpoint = find_row (window, "Server Address");
  token_row = find_row (window, "Access Token");
  ca_row = find_row (window, "Certificate Authority");
  spin = desk_test_find_widget (desk_test_find_row (window, "Sync Every"), GTK_TYPE_SPIN_BUTTON);
  error_row = gtk_widget_get_next_sibling (endpoint);
  status = gtk_widget_get_next_sibling (token_row);

  /* No address yet: no token to enter. */
  g_assert_false (gtk_widget_get_sensitive (token_row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (status)), ==,
                   "Enter the server address first");

  /* Plain http:// to another machine is refused, and says why; nothing is saved. */
  apply_entry (endpoint, "http://sync.example.com/incident-desk");
  g_assert_true (gtk_widget_get_visible (error_row));
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (error_row)),
                                   "Refusing plain http:// to sync.example.com"));
  g_assert_true (gtk_widget_has_css_class (endpoint, "error"));
  saved = g_settings_get_string (fixture->settings, "sync-endpoint");
  g_assert_cmpstr (saved, ==, "");
  g_clear_pointer (&saved, g_free);

  apply_entry (endpoint, "ftp://sync.example.com");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (error_row)), ==,
                   "“ftp://sync.example.com” is not an https:// address");

  /* Editing takes the complaint away; https:// is saved, and so is http:// to this machine. */
  gtk_editable_set_text (GTK_EDITABLE (endpoint), "https://sync.example.test");
  g_assert_false (gtk_widget_get_visible (error_row));
  g_signal_emit_by_name (endpoint, "apply");
  saved = g_settings_get_string (fixture->settings, "sync-endpoint");
  g_assert_cmpstr (saved, ==, "https://sync.example.test");
  g_clear_pointer (&saved, g_free);
  apply_entry (endpoint, "http://127.0.0.1:8443");
  g_assert_false (gtk_widget_get_visible (error_row));
  g_assert_false (gtk_widget_has_css_class (endpoint, "error"));
  saved = g_settings_get_string (fixture->settings, "sync-endpoint");
  g_assert_cmpstr (saved, ==, "http://127.0.0.1:8443");

  SPIN_UNTIL (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (status)),
                         "No token saved for this server") == 0);
  g_assert_true (gtk_widget_get_sensitive (token_row));

  /* A token is one word. */
  apply_entry (token_row, "two words");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (status)), ==,
                   "A token is one word, without spaces or line breaks");
  g_assert_true (gtk_widget_has_css_class (token_row, "error"));

  /* Stored in the keyring; the entry is emptied. */
  apply_entry (token_row, TOKEN);
  SPIN_UNTIL (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (status)),
                         "Saved in your keyring") == 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (token_row)), ==, "");
  g_assert_false (gtk_widget_has_css_class (token_row, "error"));
  token = lookup_token ("http://127.0.0.1:8443");
  g_assert_cmpstr (token, ==, TOKEN);

  /* Not in any setting, nor in the database. */
  g_object_get (fixture->settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (fixture->settings, keys[i]);
      g_autofree char *text = g_variant_print (value, FALSE);

      g_assert_null (strstr (text, TOKEN));
    }
  g_assert_false (file_holds (db, TOKEN));

  /* The interval, in minutes. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 30);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "sync-interval"), ==, 30);

  /* A certificate authority that is not a certificate is refused; a PEM one is taken. */
  g_assert_true (g_file_set_contents (not_pem, "not a certificate\n", -1, &error));
  file = g_file_new_for_path (not_pem);
  _desk_preferences_window_use_ca_file (DESK_PREFERENCES_WINDOW (window), file);
  SPIN_UNTIL (gtk_widget_has_css_class (ca_row, "error"));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (ca_row)), "“"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (ca_row)),
                            "is not a PEM certificate"));
  g_clear_pointer (&saved, g_free);
  saved = g_settings_get_string (fixture->settings, "sync-ca-file");
  g_assert_cmpstr (saved, ==, "");

  openssl_out = desk_test_spawn ((const char *[]) {
                                   "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                                   "-keyout", key, "-out", ca, "-days", "1",
                                   "-subj", "/CN=Incident Desk test CA", NULL });
  g_clear_object (&file);
  file = g_file_new_for_path (ca);
  _desk_preferences_window_use_ca_file (DESK_PREFERENCES_WINDOW (window), file);
  SPIN_UNTIL (!gtk_widget_has_css_class (ca_row, "error"));
  g_clear_pointer (&saved, g_free);
  saved = g_settings_get_string (fixture->settings, "sync-ca-file");
  g_assert_cmpstr (saved, ==, ca);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (ca_row)), ==, ca);

  /* Removing the token. */
  g_signal_emit_by_name (desk_test_find_button (window, "_Remove"), "clicked");
  SPIN_UNTIL (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (status)),
                         "No token saved for this server") == 0);
  g_clear_pointer (&token, g_free);
  token = lookup_token ("http://127.0.0.1:8443");
  g_assert_null (token);

  desk_test_destroy_window (GTK_WINDOW (window), NULL);
}

/* }}} */
/* The indicator {{{ */

static void
remember_title_cb (DeskSyncClient *client,
                   GParamSpec     *pspec,
                   gpointer        user_data)
{
  struct { DeskWindow *window; GPtrArray *titles; } *seen = user_data;

  g_ptr_array_add (seen->titles,
                   g_strdup (desk_sync_indicator_get_title (get_indicator (seen->window))));
}

static gboolean
contains (GPtrArray  *titles,
          const char *title)
{
  return g_ptr_array_find_with_equal_func (titles, title, g_str_equal, NULL);
}

/* Hidden while no server is set; then not synced, failed (no token), syncing, up to date and
 * offline, each said in words. */
static void
test_indicator (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  struct { DeskWindow *window; GPtrArray *titles; } seen;
  DeskSyncClient *client;
  DeskWindow *window;

  start_server (fixture);
  g_settings_set_uint (fixture->settings, "sync-interval", 0);
  window = g_object_new (DESK_TYPE_WINDOW, "store", fixture->store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  client = _desk_window_get_sync_client (window);
  g_assert_nonnull (client);
  desk_sync_client_set_retries (client, 0, NULL, NULL, NULL);

  /* No server: no indicator, and Sync Now syncs nothing. */
  SPIN_UNTIL (!window->sync_busy);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (get_indicator (window))));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sync", NULL);
  g_assert_false (window->sync_busy);
  g_assert_cmpint (desk_sync_client_get_state (client), ==, DESK_SYNC_STATE_IDLE);

  g_settings_set_string (fixture->settings, "sync-endpoint", fixture->url);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (get_indicator (window))));
  g_assert_cmpstr (desk_sync_indicator_get_title (get_indicator (window)), ==,
                   "Not Synced Yet");

  /* No token in the keyring for this server. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sync", NULL));
  SPIN_UNTIL (is_title (window, "Sync Failed"));
  g_assert_cmpstr (desk_sync_indicator_get_detail (get_indicator (window)), ==,
                   "No sync token is set");

  /* The token arrives: the failed sync is tried again with it, and goes through. */
  seen.window = window;
  seen.titles = titles;
  g_signal_connect (client, "notify::state", G_CALLBACK (remember_title_cb), &seen);
  store_token (fixture->url, TOKEN);
  SPIN_UNTIL (is_title (window, "Up to Date"));
  g_signal_handlers_disconnect_by_data (client, &seen);
  g_assert_true (contains (titles, "Syncing…"));
  g_assert_true (g_str_has_prefix (desk_sync_indicator_get_detail (get_indicator (window)),
                                   "Last synced: Today, "));

  /* The server goes away. */
  g_subprocess_send_signal (fixture->server, SIGTERM);
  g_subprocess_wait (fixture->server, NULL, NULL);
  g_clear_object (&fixture->server);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sync", NULL));
  SPIN_UNTIL (is_title (window, "Offline"));
  g_assert_cmpstr (desk_sync_indicator_get_detail (get_indicator (window)), !=, "");

  desk_test_destroy_window (GTK_WINDOW (window), NULL);
  forget_token (fixture->url);
}

/* An address the preferences would refuse, set behind their back: the sync refuses it before
 * anything leaves, and the indicator says why. */
static void
test_refused_http (Fixture       *fixture,
                   gconstpointer  data)
{
  DeskWindow *window;

  g_settings_set_uint (fixture->settings, "sync-interval", 0);
  g_settings_set_string (fixture->settings, "sync-endpoint", "http://sync.example.com");
  store_token ("http://sync.example.com", TOKEN);
  window = g_object_new (DESK_TYPE_WINDOW, "store", fixture->store, NULL);
  gtk_window_present (GTK_WINDOW (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sync", NULL));
  SPIN_UNTIL (is_title (window, "Sync Failed"));
  g_assert_true (g_str_has_prefix (desk_sync_indicator_get_detail (get_indicator (window)),
                                   "Refusing plain http:// to sync.example.com"));

  desk_test_destroy_window (GTK_WINDOW (window), NULL);
  forget_token ("http://sync.example.com");
}

/* }}} */
/* Conflicts {{{ */

static DeskIncident *
find_incident (DeskStore  *store,
               const char *uuid)
{
  g_autoptr(GError) error = NULL;
  DeskIncident *incident = desk_store_lookup (store, DESK_TYPE_INCIDENT, uuid, &error);

  g_assert_no_error (error);
  return incident;
}

static void
set_title (DeskStore  *store,
           const char *uuid,
           const char *title)
{
  g_autoptr(DeskIncident) incident = find_incident (store, uuid);

  desk_record_set_string (DESK_RECORD (incident), "title", title);
  g_object_unref (desk_test_save (store, g_object_ref (incident)));
}

static gboolean
is_shown_title (DeskWindow *window,
                const char *title)
{
  DeskIncident *incident = _desk_window_get_selected (window);

  return incident != NULL
         && g_strcmp0 (desk_record_get_string (DESK_RECORD (incident), "title"), title) == 0;
}

/* Two people change an incident's title: the window's sync reports the conflict, in the
 * indicator (also at 360 px) and a toast; the dialog shows both values and who set them, takes
 * the other person's, and the store, the window and the history follow. */
static void
test_conflict (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(DeskIncident) incident = desk_test_save (fixture->store,
                                                     desk_incident_new ("Mail breach"));
  const char *uuid = desk_record_get_uuid (DESK_RECORD (incident));
  g_autoptr(DeskIncident) stored = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  DeskConflictsDialog *dialog = NULL;
  DeskSyncIndicator *indicator;
  DeskWindow *window;
  guint n_titles = 0;
  int minimum;

  start_server (fixture);
  store_token (fixture->url, TOKEN);
  g_settings_set_string (fixture->settings, "sync-endpoint", fixture->url);

  /* With syncs every few minutes, the window syncs as it opens. */
  window = g_object_new (DESK_TYPE_WINDOW, "store", fixture->store, "default-width", 360,
                         "default-height", 720, NULL);
  gtk_window_present (GTK_WINDOW (window));
  indicator = get_indicator (window);
  SPIN_UNTIL (is_title (window, "Up to Date"));

  sync_other (fixture);
  set_title (fixture->other, uuid, "Mail service breach");
  sync_other (fixture);
  set_title (fixture->store, uuid, "Hosted mail breach");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sync", NULL));
  SPIN_UNTIL (is_title (window, "1 Conflict to Resolve"));
  SPIN_UNTIL (desk_test_find_label (GTK_WIDGET (window),
                                    "Someone else changed the same fields as you did") != NULL);
  g_assert_nonnull (desk_test_find_label (GTK_WIDGET (indicator), "1"));

  /* Folded to 360 px, the sidebar's header with the indicator still fits. */
  SPIN_UNTIL (adw_leaflet_get_folded (window->leaflet));
  gtk_widget_measure (GTK_WIDGET (window->leaflet), GTK_ORIENTATION_HORIZONTAL, -1, &minimum,
                      NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  gtk_widget_measure (window->sidebar, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL,
                      NULL);
  g_test_message ("The sidebar needs %d px with the indicator showing a conflict", minimum);
  g_assert_cmpint (minimum, <=, 360);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (indicator)));

  /* The record keeps the local value until someone chooses. */
  stored = find_incident (fixture->store, uuid);
  g_assert_cmpstr (desk_record_get_string (DESK_RECORD (stored), "title"), ==,
                   "Hosted mail breach");
  g_clear_object (&stored);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-conflicts", NULL));
  SPIN_UNTIL ((dialog = (DeskConflictsDialog *) desk_test_find_toplevel
                          (DESK_TYPE_CONFLICTS_DIALOG)) != NULL);
  SPIN_UNTIL (!desk_conflicts_dialog_is_loading (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (desk_conflicts_dialog_get_conflicts (dialog)), ==, 1);
  SPIN_UNTIL (desk_test_find_label (GTK_WIDGET (dialog),
                                    "The incident “Hosted mail breach”") != NULL);
  g_assert_nonnull (desk_test_find_label (GTK_WIDGET (dialog),
                                          "Its title was changed here and on the server"));
  g_assert_nonnull (desk_test_find_label (GTK_WIDGET (dialog), "Hosted mail breach"));
  g_assert_nonnull (desk_test_find_label (GTK_WIDGET (dialog), "Mail service breach"));
  {
    DeskConflictRow *row = DESK_CONFLICT_ROW (desk_test_find_widget (GTK_WIDGET (dialog),
                                                                     DESK_TYPE_CONFLICT_ROW));
    DeskConflict *conflict = desk_conflict_row_get_conflict (row);

    g_assert_cmpstr (desk_conflict_get_remote_actor (conflict), ==, "Hiro Sato");
    g_assert_cmpstr (desk_conflict_get_local_actor (conflict), ==,
                     desk_store_get_actor (fixture->store));
  }

  /* Take theirs. */
  g_signal_emit_by_name (desk_test_find_button (GTK_WIDGET (dialog), "_Take Theirs"), "clicked");
  SPIN_UNTIL (g_list_model_get_n_items (desk_conflicts_dialog_get_conflicts (dialog)) == 0);
  SPIN_UNTIL (desk_test_find_label (GTK_WIDGET (dialog), "No Conflicts") != NULL);

  stored = find_incident (fixture->store, uuid);
  g_assert_cmpstr (desk_record_get_string (DESK_RECORD (stored), "title"), ==,
                   "Mail service breach");
  SPIN_UNTIL (is_title (window, "Up to Date"));
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (_desk_window_get_incidents (window)),
                                     0);
  SPIN_UNTIL (is_shown_title (window, "Mail service breach"));

  /* The history holds this computer's title, the other person's and the choice. */
  history = desk_store_list_history (fixture->store, desk_record_get_id (DESK_RECORD (stored)),
                                     &error);
  g_assert_no_error (error);
  for (guint i = 0; i < history->len; i++)
    {
      GObject *entry = g_ptr_array_index (history, i);
      const char *after;

      if (!DESK_IS_AUDIT_ENTRY (entry) ||
          g_strcmp0 (desk_audit_entry_get_action (DESK_AUDIT_ENTRY (entry)), "update") != 0)
        continue;
      after = desk_audit_entry_get_after (DESK_AUDIT_ENTRY (entry));
      if (strstr (after, "\"title\"") != NULL)
        n_titles++;
    }
  g_assert_cmpuint (n_titles, ==, 3);

  gtk_window_destroy (GTK_WINDOW (dialog));
  desk_test_destroy_window (GTK_WINDOW (window), NULL);
  forget_token (fixture->url);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_autofree char *keyring_dir = NULL;
  g_autofree char *keyring = NULL;
  int status;

  /* libsecret's file backend, in a folder of the test's own, before anything asks for it. */
  keyring_dir = desk_test_make_tmp_dir ();
  keyring = g_build_filename (keyring_dir, "keyring", NULL);
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "test-keyring-password", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/desk/sync-window/preferences", Fixture, NULL,
              fixture_set_up, test_preferences, fixture_tear_down);
  g_test_add ("/desk/sync-window/indicator", Fixture, NULL,
              fixture_set_up, test_indicator, fixture_tear_down);
  g_test_add ("/desk/sync-window/refused-http", Fixture, NULL,
              fixture_set_up, test_refused_http, fixture_tear_down);
  g_test_add ("/desk/sync-window/conflict", Fixture, NULL,
              fixture_set_up, test_conflict, fixture_tear_down);

  status = g_test_run ();
  desk_test_remove_tree (keyring_dir);
  return status;
}
