/* desk-cli-sync.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* idesk serve, sync, conflicts and conflict resolve: the reference sync server, a sync of the
 * database with a server, and the fields that wait for a choice after one. */

#define G_LOG_DOMAIN "desk-cli-sync"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "desk-cli.h"
#include "desk-labels.h"
#include "desk-store-sync.h"
#include "desk-sync-client.h"
#include "desk-sync-server.h"
#include "desk-sync-sqlite-storage.h"
#include "desk-sync-wire.h"
#include "desk-time.h"

/* idesk serve {{{ */

static void
print_log_line (const char *line,
                gpointer    user_data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);

  g_printerr ("%s %s\n", stamp, line);
}

static gboolean
on_signal_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

int
desk_cli_serve (int    argc,
                char **argv)
{
  g_autofree char *listen = NULL;
  g_autofree char *tokens_path = NULL;
  g_autofree char *cert_path = NULL;
  g_autofree char *key_path = NULL;
  const GOptionEntry entries[] = {
    { "listen", 'l', 0, G_OPTION_ARG_STRING, &listen,
      N_("Address and port to listen on, e.g. 127.0.0.1:8443 (port 0: any free one)"),
      N_("ADDRESS:PORT") },
    { "tokens", 0, 0, G_OPTION_ARG_FILENAME, &tokens_path,
      N_("File of “TOKEN ROLE” lines, ROLE being read or write"), N_("FILE") },
    { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &cert_path,
      N_("The server's certificate (PEM), for HTTPS"), N_("PEM") },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &key_path,
      N_("The certificate's private key (PEM)"), N_("PEM") },
    { NULL }
  };
  g_autoptr(DeskSyncTokens) tokens = NULL;
  g_autoptr(DeskSyncStorage) storage = NULL;
  g_autoptr(DeskSyncServer) server = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  const char *database;
  int status;

  if (!desk_cli_parse ("serve", NULL,
                       _("Run the reference sync server (docs/sync-api.md) on its own database, "
                         "until interrupted. Without a certificate it only listens on this "
                         "machine."),
                       entries, &argc, &argv, &status))
    return status;
  database = desk_cli_get_database_path ();
  if (listen == NULL)
    return desk_cli_usage_error (_("--listen is required"));
  if (database == NULL)
    return desk_cli_usage_error (_("--database is required: the server's own database file"));
  if (tokens_path == NULL)
    return desk_cli_usage_error (_("--tokens is required"));
  if ((cert_path == NULL) != (key_path == NULL))
    return desk_cli_usage_error (_("--tls-cert and --tls-key go together"));

  if (cert_path != NULL &&
      !(certificate = g_tls_certificate_new_from_files (cert_path, key_path, &error)))
    {
      g_prefix_error (&error, _("Cannot use the certificate: "));
      return desk_cli_fail (error);
    }

  if (!(tokens = desk_sync_tokens_load (tokens_path, &error)) ||
      !(storage = desk_sync_sqlite_storage_open (database, &error)))
    return desk_cli_fail (error);

  server = desk_sync_server_new (storage, g_steal_pointer (&tokens));
  desk_sync_server_set_log_func (server, print_log_line, NULL);
  if (!desk_sync_server_listen (server, listen, certificate, &error))
    return desk_cli_fail (error);

  url = desk_sync_server_get_url (server);
  /* Translators: %s is a URL */
  g_print (_("Listening on %s\n"), url);
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, on_signal_cb, loop);
  g_unix_signal_add (SIGTERM, on_signal_cb, loop);
  g_main_loop_run (loop);

  desk_sync_server_disconnect (server);
  return DESK_CLI_OK;
}

/* }}} */
/* idesk sync {{{ */

/* The token: the first line of @path, or $IDESK_TOKEN. */
static char *
read_token (const char  *path,
            GError     **error)
{
  g_autofree char *text = NULL;
  const char *env = g_getenv ("IDESK_TOKEN");
  char *newline;

  if (path == NULL)
    {
      if (env == NULL || *env == '\0')
        {
          g_set_error_literal (error, DESK_SYNC_ERROR, DESK_SYNC_ERROR_CONFIG,
                               _("No token: give --token-file, or set IDESK_TOKEN"));
          return NULL;
        }
      return g_strdup (env);
    }

  if (!g_file_get_contents (path, &text, NULL, error))
    return NULL;

  if ((newline = strchr (text, '\n')) != NULL)
    *newline = '\0';
  g_strstrip (text);
  if (*text == '\0')
    {
      /* Translators: %s is a file name */
      g_set_error (error, DESK_SYNC_ERROR, DESK_SYNC_ERROR_CONFIG, _("%s holds no token"), path);
      return NULL;
    }

  return g_steal_pointer (&text);
}

static void
print_report (const DeskSyncReport *report,
              gint64                n_conflicts)
{
  g_autofree char *pushed_changes = desk_format_count (report->pushed_changes);
  g_autofree char *pushed_accounts = desk_format_count (report->pushed_accounts);
  g_autofree char *pulled_changes = desk_format_count (report->pulled_changes);
  g_autofree char *pulled_accounts = desk_format_count (report->pulled_accounts);

  /* Translators: four counts: changes and accounts sent, then received */
  g_print (_("Sent %s changes and %s accounts; received %s changes and %s accounts.\n"),
           pushed_changes, pushed_accounts, pulled_changes, pulled_accounts);
  if (n_conflicts > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%lld field was changed here and on the server: see “idesk "
                          "conflicts”.\n",
                          "%lld fields were changed here and on the server: see “idesk "
                          "conflicts”.\n", n_conflicts),
             (long long) n_conflicts);
}

int
desk_cli_sync (int    argc,
               char **argv)
{
  g_autofree char *endpoint = NULL;
  g_autofree char *token_file = NULL;
  g_autofree char *ca_file = NULL;
  int timeout = 30;
  const GOptionEntry entries[] = {
    { "endpoint", 'e', 0, G_OPTION_ARG_STRING, &endpoint,
      N_("The sync server, e.g. https://sync.example.jp"), N_("URL") },
    { "token-file", 0, 0, G_OPTION_ARG_FILENAME, &token_file,
      N_("File whose first line is the token (default: $IDESK_TOKEN)"), N_("FILE") },
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &ca_file,
      N_("Trust the authorities of this PEM file instead of the system's"), N_("PEM") },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout,
      N_("Seconds to wait for the server (default: 30)"), N_("SECONDS") },
    { NULL }
  };
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(DeskSyncClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  int status;

  if (!desk_cli_parse ("sync", NULL,
                       _("Send this database’s changes to a sync server and receive the "
                         "team’s. A sync that is interrupted goes on where it stopped next "
                         "time."),
                       entries, &argc, &argv, &status))
    return status;
  if (endpoint == NULL)
    return desk_cli_usage_error (_("--endpoint is required"));
  if (timeout < 1 || timeout > 3600)
    return desk_cli_usage_error (_("--timeout must be from 1 to 3600 seconds"));

  if (!desk_sync_check_endpoint (endpoint, &error) ||
      !(token = read_token (token_file, &error)) ||
      !(store = desk_cli_open_store (&error)))
    return desk_cli_fail (error);

  client = desk_sync_client_new (store);
  desk_sync_client_set_endpoint (client, endpoint);
  desk_sync_client_set_token (client, token);
  desk_sync_client_set_ca_file (client, ca_file);
  desk_sync_client_set_timeout (client, timeout);
  memset (token, 0, strlen (token));

  if (!desk_sync_client_sync (client, NULL, &error))
    return desk_cli_fail (error);

  print_report (desk_sync_client_get_report (client), desk_sync_client_get_n_conflicts (client));
  return DESK_CLI_OK;
}

/* }}} */
/* idesk conflicts, conflict resolve {{{ */

static JsonNode *
conflict_to_json (DeskConflict *conflict)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *detected = desk_time_format_iso (desk_conflict_get_detected_at (conflict));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, desk_conflict_get_id (conflict));
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, desk_conflict_get_kind (conflict));
  json_builder_set_member_name (builder, "record");
  json_builder_add_string_value (builder, desk_conflict_get_record_uuid (conflict));
  json_builder_set_member_name (builder, "title");
  if (desk_conflict_get_record_title (conflict) != NULL)
    json_builder_add_string_value (builder, desk_conflict_get_record_title (conflict));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "field");
  json_builder_add_string_value (builder, desk_conflict_get_field (conflict));
  json_builder_set_member_name (builder, "local");
  json_builder_add_value (builder, json_from_string (desk_conflict_get_local (conflict), NULL));
  json_builder_set_member_name (builder, "remote");
  json_builder_add_value (builder, json_from_string (desk_conflict_get_remote (conflict), NULL));
  json_builder_set_member_name (builder, "detected_at");
  json_builder_add_string_value (builder, detected);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

int
desk_cli_conflicts (int    argc,
                    char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!desk_cli_parse ("conflicts", NULL,
                       _("List the fields changed both here and on the sync server since a "
                         "common value, with both values. Settle each with “idesk conflict "
                         "resolve”."),
                       entries, &argc, &argv, &status))
    return status;

  if (!(store = desk_cli_open_store (&error)) ||
      !(conflicts = desk_store_sync_list_conflicts (store, &error)))
    return desk_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonArray) array = json_array_new ();
      g_autoptr(JsonNode) node = NULL;

      for (guint i = 0; i < conflicts->len; i++)
        json_array_add_element (array, conflict_to_json (g_ptr_array_index (conflicts, i)));
      node = json_node_init_array (json_node_alloc (), array);
      desk_cli_print_json (node);
      return DESK_CLI_OK;
    }

  if (conflicts->len == 0)
    g_print (_("No conflicts.\n"));

  for (guint i = 0; i < conflicts->len; i++)
    {
      DeskConflict *conflict = g_ptr_array_index (conflicts, i);
      g_autofree char *local = desk_conflict_dup_local_text (conflict);
      g_autofree char *remote = desk_conflict_dup_remote_text (conflict);
      const char *title = desk_conflict_get_record_title (conflict);

      /* Translators: a conflict's number, a kind of record, its name and a field */
      g_print (_("%lld  %s “%s”, %s\n"), (long long) desk_conflict_get_id (conflict),
               desk_conflict_get_kind (conflict),
               title ? title : desk_conflict_get_record_uuid (conflict),
               desk_conflict_get_field (conflict));
      g_print (_("    here:       %s\n"), local);
      g_print (_("    on server:  %s\n"), remote);
    }

  return DESK_CLI_OK;
}

int
desk_cli_conflict_resolve (int    argc,
                           char **argv)
{
  g_autofree char *take = NULL;
  const GOptionEntry entries[] = {
    { "take", 't', 0, G_OPTION_ARG_STRING, &take,
      N_("Which value to keep: local (this machine's) or remote (the server's)"),
      N_("local|remote") },
    { NULL }
  };
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint64 id;
  int status;

  if (!desk_cli_parse ("conflict resolve", N_("ID"),
                       _("Settle a conflict that “idesk conflicts” lists, keeping one value; "
                         "the next sync sends the choice."),
                       entries, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return desk_cli_usage_error (_("Which conflict? Give its ID, as “idesk conflicts” shows"));
  if (!g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXINT64, &id, NULL))
    return desk_cli_usage_error (_("“%s” is not a conflict ID"), argv[1]);
  if (g_strcmp0 (take, "local") != 0 && g_strcmp0 (take, "remote") != 0)
    return desk_cli_usage_error (_("--take must be local or remote"));

  if (!(store = desk_cli_open_store (&error)) ||
      !desk_store_sync_resolve_conflict (store, id, g_str_equal (take, "local"), &error))
    return desk_cli_fail (error);

  return DESK_CLI_OK;
}

/* }}} */
