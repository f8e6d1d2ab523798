/* desk-cli-import.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-cli-import"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-account-import.h"
#include "desk-cli.h"

static gboolean
parse_enum (GType       type,
            const char *nick,
            int        *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value_by_nick (klass, nick);

  if (found != NULL)
    *value = found->value;
  return found != NULL;
}

/* Names of the encodings, as people write them, for --encoding. */
static gboolean
parse_encoding (const char      *name,
                DeskCsvEncoding *encoding)
{
  g_autofree char *folded = g_ascii_strdown (name, -1);

  if (g_str_equal (folded, "shift_jis") || g_str_equal (folded, "sjis") ||
      g_str_equal (folded, "shift-jis") || g_str_equal (folded, "windows-31j"))
    {
      *encoding = DESK_CSV_ENCODING_CP932;
      return TRUE;
    }
  if (g_str_equal (folded, "utf8"))
    {
      *encoding = DESK_CSV_ENCODING_UTF8;
      return TRUE;
    }

  return parse_enum (DESK_TYPE_CSV_ENCODING, folded, (int *) encoding);
}

int
desk_cli_import_accounts (int    argc,
                          char **argv)
{
  g_autofree char *incident_id = NULL, *status_name = NULL, *category = NULL;
  g_autofree char *encoding_name = NULL, *rejects_path = NULL;
  const GOptionEntry entries[] = {
    { "incident", 'i', 0, G_OPTION_ARG_STRING, &incident_id,
      N_("The incident (UUID or unique prefix)"), N_("ID") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_name,
      N_("Status of rows with none: potential (the default), confirmed or cleared"),
      N_("STATUS") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &category,
      N_("Breach categories of rows with none, separated by “;”"), N_("NAME") },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding_name,
      N_("The file’s encoding: utf-8 or cp932 (Shift_JIS); found by itself if not given"),
      N_("ENCODING") },
    { "skip-invalid", 0, 0, G_OPTION_ARG_FILENAME, &rejects_path,
      N_("Import the valid rows and write the others, with the reason, to FILE"), N_("FILE") },
    { NULL }
  };
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(DeskRecord) incident = NULL;
  g_autoptr(DeskAccountImport) import = NULL;
  g_autoptr(GFile) file = NULL;
  g_auto(DeskCliWait) wait = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  DeskCsvEncoding encoding = DESK_CSV_ENCODING_AUTO;
  int exposure = DESK_EXPOSURE_POTENTIAL;
  int status;

  if (!desk_cli_parse ("import accounts", N_("FILE.csv"),
                       _("Import a list of affected accounts. The first line names the columns, "
                         "in any order: account and customer_id are required, customer_name, "
                         "category (several separated by “;”) and status are optional. "
                         "Importing a list again updates the accounts it names. A file with an "
                         "invalid row is refused as a whole, unless --skip-invalid is given."),
                       entries, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return desk_cli_usage_error (_("Give the CSV file to import"));
  if (incident_id == NULL)
    return desk_cli_usage_error (_("--incident is required"));
  if (status_name != NULL && !parse_enum (DESK_TYPE_EXPOSURE, status_name, &exposure))
    return desk_cli_usage_error (_("Unknown status “%s”: use potential, confirmed or cleared"),
                                 status_name);
  if (encoding_name != NULL && !parse_encoding (encoding_name, &encoding))
    return desk_cli_usage_error (_("Unknown encoding “%s”: use utf-8 or cp932"), encoding_name);

  if (!(store = desk_cli_open_store (&error)) ||
      !(incident = desk_store_lookup (store, DESK_TYPE_INCIDENT, incident_id, &error)))
    return desk_cli_fail (error);

  file = g_file_new_for_commandline_arg (argv[1]);
  import = desk_account_import_new (store, DESK_INCIDENT (incident), file);
  desk_account_import_set_encoding (import, encoding);
  desk_account_import_set_default_exposure (import, exposure);
  desk_account_import_set_default_categories (import, category);
  if (rejects_path != NULL)
    {
      g_autoptr(GFile) rejects = g_file_new_for_commandline_arg (rejects_path);

      desk_account_import_set_rejects_file (import, rejects);
    }

  /* Ctrl+C rolls the import back instead of leaving it to the journal */
  desk_cli_wait_init (&wait);
  desk_account_import_run_async (import, wait.cancellable, desk_cli_wait_done_cb, &wait);
  if (!desk_account_import_run_finish (import, desk_cli_wait (&wait, import), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_printerr ("idesk: %s\n", _("Import cancelled: nothing was imported"));
      else
        g_printerr ("idesk: %s: %s\n", argv[1], error->message);
      return DESK_CLI_ERROR;
    }

  summary = desk_account_import_describe_result (import);
  g_print ("%s\n", summary);
  if (desk_account_import_get_n_rejected (import) > 0)
    g_print (_("The rows set aside, with the reason, are in %s\n"), rejects_path);

  return DESK_CLI_OK;
}
