/* desk-cli-export.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "desk-cli-export"

#include "config.h"

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <langinfo.h>
#include <unistd.h>

#include "desk-account-export.h"
#include "desk-cli.h"
#include "desk-export.h"

/* Returns: the value of @type whose nick is @nick, or -1 */
static int
enum_from_nick (GType       type,
                const char *nick)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *value = g_enum_get_value_by_nick (klass, nick);

  return value ? value->value : -1;
}

static const char *
nick_of (GType type,
         int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);

  return g_enum_get_value (klass, value)->value_nick;
}

/* The format a file name's extension names ("report.pdf"), or -1. */
static int
format_from_name (const char *path)
{
  g_autofree char *basename = g_path_get_basename (path);
  const char *dot = strrchr (basename, '.');
  g_autofree char *extension = dot ? g_ascii_strdown (dot + 1, -1) : NULL;

  return extension ? enum_from_nick (DESK_TYPE_EXPORT_FORMAT, extension) : -1;
}

/* The paper of the locale's LC_PAPER: letter where that is 8.5 inches wide, A4 elsewhere. */
static DeskPaper
default_paper (void)
{
#ifdef _NL_PAPER_WIDTH
  if ((int) (gintptr) nl_langinfo (_NL_PAPER_WIDTH) == 216)
    return DESK_PAPER_LETTER;
#endif
  return DESK_PAPER_A4;
}

static gboolean
write_stdout (DeskReport        *report,
              DeskExportFormat   format,
              DeskPaper          paper,
              GError           **error)
{
  g_autoptr(GOutputStream) stream = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

  return desk_export_write (report, format, paper, stream, NULL, error) &&
         g_output_stream_flush (stream, NULL, error);
}

/* The accounts of @incident, or of its customer @contract_id, to @output. */
static int
export_accounts (DeskStore        *store,
                 DeskIncident     *incident,
                 const char       *contract_id,
                 DeskExportFormat  format,
                 const char       *output)
{
  g_autoptr(DeskAccountExport) export = desk_account_export_new (store, incident, format);
  g_autoptr(GError) error = NULL;

  if (contract_id != NULL)
    {
      g_autoptr(DeskCustomer) customer = NULL;
      g_autoptr(DeskAffected) affected = NULL;

      if (!(customer = desk_store_find_customer (store, contract_id, &error)))
        return desk_cli_fail (error);
      affected = desk_store_find_affected (store, desk_record_get_id (DESK_RECORD (incident)),
                                           desk_record_get_id (DESK_RECORD (customer)), &error);
      if (affected == NULL && error == NULL)
        g_set_error (&error, DESK_STORE_ERROR, DESK_STORE_ERROR_NOT_FOUND,
                     _("The contract “%s” is not one of the incident’s customers"), contract_id);
      if (error != NULL)
        return desk_cli_fail (error);
      desk_account_export_set_customer (export, customer);
    }

  if (g_str_equal (output, "-"))
    {
      g_autoptr(GOutputStream) stream = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

      if (!desk_account_export_write (export, stream, NULL, &error) ||
          !g_output_stream_flush (stream, NULL, &error))
        return desk_cli_fail (error);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);
      g_auto(DeskCliWait) wait = { 0 };

      /* Ctrl+C leaves no part of a file behind */
      desk_cli_wait_init (&wait);
      desk_account_export_save_async (export, file, wait.cancellable, desk_cli_wait_done_cb,
                                      &wait);
      if (!desk_account_export_save_finish (export, desk_cli_wait (&wait, export), &error))
        {
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_clear_error (&error);
              g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                   _("Export cancelled: nothing was written"));
            }
          return desk_cli_fail (error);
        }
    }

  return DESK_CLI_OK;
}

int
desk_cli_export (int    argc,
                 char **argv)
{
  g_autofree char *incident_id = NULL;
  g_autofree char *checklist_id = NULL;
  g_autofree char *contract_id = NULL;
  g_autofree char *what_name = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *paper_name = NULL;
  g_autofree char *output = NULL;
  gboolean since_last = FALSE;
  const GOptionEntry entries[] = {
    { "incident", 'i', 0, G_OPTION_ARG_STRING, &incident_id,
      N_("The incident (UUID or unique prefix)"), N_("ID") },
    { "what", 'w', 0, G_OPTION_ARG_STRING, &what_name,
      N_("What to export: checklists, status, ledger or accounts"), N_("WHAT") },
    { "checklist", 'c', 0, G_OPTION_ARG_STRING, &checklist_id,
      N_("With --what checklists, only this checklist (UUID or unique prefix)"), N_("ID") },
    { "customer", 0, 0, G_OPTION_ARG_STRING, &contract_id,
      N_("With --what accounts, only the accounts of this contract"), N_("CONTRACT") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("pdf, md, html, csv or json (default: from the output file's extension)"),
      N_("FORMAT") },
    { "paper", 'p', 0, G_OPTION_ARG_STRING, &paper_name,
      N_("The paper of a PDF, a4 or letter (default: the locale's)"), N_("PAPER") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write, replaced whole; “-” writes text to standard output"), N_("FILE") },
    { "since-last", 's', 0, G_OPTION_ARG_NONE, &since_last,
      N_("Mark what changed since the last export of the same made on an earlier day"), NULL },
    { NULL }
  };
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(DeskIncident) incident = NULL;
  g_autoptr(DeskChecklist) checklist = NULL;
  g_autoptr(DeskReport) report = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *snapshot = NULL;
  g_autoptr(GError) error = NULL;
  gboolean to_stdout, accounts;
  int what = -1, format, paper, status;

  if (!desk_cli_parse ("export", NULL,
                       _("Export an incident's remediation checklists, its status report or its "
                         "notification ledger as PDF, Markdown, HTML, CSV or JSON, or its "
                         "affected accounts as CSV or JSON."),
                       entries, &argc, &argv, &status))
    return status;

  /* Check every option before the database is opened. */
  if (incident_id == NULL)
    return desk_cli_usage_error (_("--incident is required"));
  if (what_name == NULL)
    return desk_cli_usage_error (_("--what is required: checklists, status, ledger or accounts"));
  /* The accounts are a list of millions, not a report */
  accounts = g_str_equal (what_name, "accounts");
  if (!accounts && (what = enum_from_nick (DESK_TYPE_EXPORT_WHAT, what_name)) < 0)
    return desk_cli_usage_error (_("Unknown --what “%s”: use checklists, status, ledger or "
                                   "accounts"), what_name);
  if (checklist_id != NULL && what != DESK_EXPORT_WHAT_CHECKLISTS)
    return desk_cli_usage_error (_("--checklist goes with --what checklists"));
  if (contract_id != NULL && !accounts)
    return desk_cli_usage_error (_("--customer goes with --what accounts"));
  if (since_last && accounts)
    return desk_cli_usage_error (_("--since-last does not go with --what accounts"));
  if (output == NULL)
    return desk_cli_usage_error (_("--output is required: a file, or “-” for standard output"));
  to_stdout = g_str_equal (output, "-");

  if (format_name != NULL)
    format = enum_from_nick (DESK_TYPE_EXPORT_FORMAT, format_name);
  else if (!to_stdout)
    format = format_from_name (output);
  else
    return desk_cli_usage_error (_("--format is required with “-o -”"));
  if (format < 0)
    return desk_cli_usage_error (format_name != NULL
                                 ? _("Unknown --format “%s”: use pdf, md, html, csv or json")
                                 : _("Cannot tell the format from “%s”: give --format"),
                                 format_name != NULL ? format_name : output);
  if (accounts && !desk_account_export_supports (format))
    return desk_cli_usage_error (_("Accounts are exported as csv or json, not %s"),
                                 nick_of (DESK_TYPE_EXPORT_FORMAT, format));
  if (to_stdout && !desk_export_is_text (format))
    return desk_cli_usage_error (_("A PDF does not go to standard output: give a file name "
                                   "with -o"));

  paper = paper_name != NULL ? enum_from_nick (DESK_TYPE_PAPER, paper_name) : (int) default_paper ();
  if (paper < 0)
    return desk_cli_usage_error (_("Unknown --paper “%s”: use a4 or letter"), paper_name);

  if (!(store = desk_cli_open_store (&error)) ||
      !(incident = desk_store_lookup (store, DESK_TYPE_INCIDENT, incident_id, &error)))
    return desk_cli_fail (error);
  if (accounts)
    return export_accounts (store, incident, contract_id, format, output);

  if ((checklist_id != NULL &&
       !(checklist = desk_store_lookup (store, DESK_TYPE_CHECKLIST, checklist_id, &error))) ||
      !(report = desk_report_gather (store, what, incident, checklist, &error)))
    return desk_cli_fail (error);

  /* What the export holds is remembered once it is written, without the changes marked. */
  snapshot = desk_report_snapshot (report);
  if (since_last && !desk_report_mark_changes (report, store, &error))
    return desk_cli_fail (error);
  if (since_last && report->compared_at == 0)
    g_printerr (_("idesk: no export of this from an earlier day to compare with: "
                  "nothing is marked\n"));

  if (to_stdout)
    {
      if (!write_stdout (report, format, paper, &error))
        return desk_cli_fail (error);
    }
  else
    {
      file = g_file_new_for_commandline_arg (output);
      if (!desk_export_save (report, format, paper, file, NULL, &error))
        return desk_cli_fail (error);
    }

  if (!desk_report_remember (report, store, snapshot, &error))
    {
      g_prefix_error (&error, _("The export is written, but it could not be remembered for "
                                "--since-last: "));
      return desk_cli_fail (error);
    }

  return DESK_CLI_OK;
}
