/* desk-cli.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* idesk: the command line over the same store as the window, for scripts, tests and
 * benchmarks. Every command takes the global --database option and --help; failures print one
 * line on stderr and exit non-zero, and nothing is written unless the whole command succeeds. */

#define G_LOG_DOMAIN "desk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include "desk-cli.h"

static char *database_path;
static char *actor;

static const GOptionEntry global_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database_path,
    N_("Database file (default: $INCIDENT_DESK_DB, "
       "else $XDG_DATA_HOME/incident-desk/incidents.db)"),
    N_("PATH") },
  { "actor", 0, 0, G_OPTION_ARG_STRING, &actor,
    N_("Who the history records for the changes (default: your login's name)"), N_("NAME") },
  { NULL }
};

static const DeskCliCommand commands[] = {
  { "account list", N_("List, count and search an incident’s affected accounts"),
    desk_cli_account_list },
  { "checklist add", N_("Add a checklist from a template"), desk_cli_checklist_add },
  { "checklist list", N_("List an incident's checklists and their items"),
    desk_cli_checklist_list },
  { "conflict resolve", N_("Keep the local or the server's value of a conflict"),
    desk_cli_conflict_resolve },
  { "conflicts", N_("List the fields changed here and on the sync server"),
    desk_cli_conflicts },
  { "customer terms", N_("Set a customer's contractual notification deadline"),
    desk_cli_customer_terms },
  { "deadlines", N_("List obligations and notices by due time"), desk_cli_deadlines },
  { "demo", N_("Add sample incidents to try Incident Desk out"), desk_cli_demo },
  { "export", N_("Export checklists, the status report, the ledger or the accounts to a file"),
    desk_cli_export },
  { "import accounts", N_("Import a CSV list of affected accounts"), desk_cli_import_accounts },
  { "incident add", N_("Record a new incident and print its id"), desk_cli_incident_add },
  { "incident list", N_("List the incidents"), desk_cli_incident_list },
  { "incident set", N_("Change an incident's times, time zone or estimates"),
    desk_cli_incident_set },
  { "incident show", N_("Show one incident"), desk_cli_incident_show },
  { "obligation add", N_("Apply a deadline rule to an incident"), desk_cli_obligation_add },
  { "obligation set", N_("Change an obligation's status, reference or note"),
    desk_cli_obligation_set },
  { "rules", N_("List the notification deadline rules"), desk_cli_rules },
  { "serve", N_("Run the reference sync server"), desk_cli_serve },
  { "stats", N_("Print an incident's figures"), desk_cli_stats },
  { "sync", N_("Sync the database with a sync server"), desk_cli_sync },
  { "templates", N_("List the checklist templates"), desk_cli_templates },
};

static char *
commands_description (void)
{
  GString *text = g_string_new (_("Commands:\n"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %-16s %s\n", commands[i].name, _(commands[i].summary));
  g_string_append (text, _("\nRun “idesk COMMAND --help” for the options of a command."));

  return g_string_free (text, FALSE);
}

/* Returns: (transfer full): an option context for @command, with the global options */
static GOptionContext *
context_new (const char         *command,
             const char         *parameters,
             const char         *summary,
             const GOptionEntry *entries)
{
  g_autofree char *usage = g_strdup_printf ("%s%s%s", command, parameters ? " " : "",
                                            parameters ? _(parameters) : "");
  GOptionContext *context = g_option_context_new (usage);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, global_entries, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

/* Sets @status to the exit status when parsing fails. */
static gboolean
parse_options (GOptionContext   *context,
               int              *argc,
               char           ***argv,
               int              *status)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = desk_cli_usage_error ("%s", error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * desk_cli_parse:
 * @command: the command's name, e.g. "incident show"
 * @parameters: (nullable): the arguments it takes, one word each, as --help names them:
 *   untranslated, e.g. N_("ID"), since the words count
 * @summary: what it does, for --help
 * @entries: (nullable): its own options; the global ones come with them
 * @status: (out): the exit status, when it returns %FALSE
 *
 * Takes the options out of @argc and @argv, leaving the program name and the command's
 * arguments. More arguments than @parameters has words is a usage error; too few are the
 * command's to tell, in its own words.
 *
 * Returns: whether the command can go on
 */
gboolean
desk_cli_parse (const char           *command,
                const char           *parameters,
                const char           *summary,
                const GOptionEntry   *entries,
                int                  *argc,
                char               ***argv,
                int                  *status)
{
  g_autoptr(GOptionContext) context = context_new (command, parameters, summary, entries);
  g_auto(GStrv) names = g_strsplit (parameters ? parameters : "", " ", -1);
  int n_args = g_strv_length (names);

  if (!parse_options (context, argc, argv, status))
    return FALSE;

  if (*argc > 1 + n_args)
    {
      *status = desk_cli_usage_error (_("Unexpected argument “%s”"), (*argv)[1 + n_args]);
      return FALSE;
    }

  return TRUE;
}

/* Returns: (nullable): the --database the command line gave */
const char *
desk_cli_get_database_path (void)
{
  return database_path;
}

/**
 * desk_cli_enum_nick:
 *
 * Returns: (transfer none): how the command line and JSON name @value of @enum_type, e.g.
 *   "not-applicable"
 */
const char *
desk_cli_enum_nick (GType enum_type,
                    int   value)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (enum_type);

  /* Nicks live as long as the enum type, which is static. */
  return g_enum_get_value (enum_class, value)->value_nick;
}

/**
 * desk_cli_parse_nick:
 * @what: what the value is, for the message, e.g. "severity"
 *
 * Reads @nick, a value of @enum_type as the command line names it, into @value, or sets @error to
 * a message listing the values there are.
 */
gboolean
desk_cli_parse_nick (GType        enum_type,
                     const char  *what,
                     const char  *nick,
                     int         *value,
                     GError     **error)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (enum_type);
  GEnumValue *found = g_enum_get_value_by_nick (enum_class, nick);
  g_autoptr(GString) choices = g_string_new (NULL);

  if (found != NULL)
    {
      *value = found->value;
      return TRUE;
    }

  for (guint i = 0; i < enum_class->n_values; i++)
    g_string_append_printf (choices, "%s%s", i ? ", " : "", enum_class->values[i].value_nick);

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("“%s” is not a valid %s; use one of: %s"), nick, what, choices->str);
  return FALSE;
}

DeskStore *
desk_cli_open_store (GError **error)
{
  g_autoptr(DeskDatabase) database = NULL;
  DeskStore *store;

  if (database_path != NULL)
    database = desk_database_open (database_path, error);
  else
    database = desk_database_open_default (error);

  if (database == NULL)
    return NULL;

  store = desk_store_new (database);
  desk_store_set_actor (store, actor);
  return store;
}

int
desk_cli_fail (GError *error)
{
  g_printerr ("idesk: %s\n", error->message);
  return DESK_CLI_ERROR;
}

int
desk_cli_usage_error (const char *format,
                      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("idesk: %s\n", message);
  g_printerr (_("Try “idesk --help”.\n"));
  return DESK_CLI_USAGE;
}

void
desk_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

/**
 * desk_cli_text_width:
 *
 * Returns: how many terminal columns @text takes: two for a wide or fullwidth character (as in
 *   Japanese), none for a combining mark or another zero-width character, one for the others
 */
gsize
desk_cli_text_width (const char *text)
{
  gsize width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_iszerowidth (c))
        width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

/**
 * desk_cli_padding:
 *
 * printf() pads "%-12s" to 12 bytes, which misaligns columns of any text but ASCII: pad with
 * "%*s" and this instead.
 *
 * Returns: how many spaces bring @text to @columns terminal columns; 0 if it fills them already
 */
int
desk_cli_padding (const char *text,
                  gsize       columns)
{
  gsize width = desk_cli_text_width (text);

  return width < columns ? (int) (columns - width) : 0;
}

static void
on_fraction_notify_cb (GObject    *object,
                       GParamSpec *pspec,
                       gpointer    data)
{
  double fraction;

  g_object_get (object, "fraction", &fraction, NULL);
  g_printerr ("\r%3d%%", (int) (fraction * 100));
}

static gboolean
on_interrupt_cb (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_CONTINUE;
}

/**
 * desk_cli_wait_init:
 *
 * Gets @wait ready for work on a worker thread: give the work @wait's cancellable, and
 * desk_cli_wait_done_cb() with @wait as what it calls back, then call desk_cli_wait(). From now
 * on Ctrl+C cancels the work instead of killing idesk half-way.
 */
void
desk_cli_wait_init (DeskCliWait *wait)
{
  *wait = (DeskCliWait) { .cancellable = g_cancellable_new () };
  wait->interrupt_id = g_unix_signal_add (SIGINT, on_interrupt_cb, wait->cancellable);
}

void
desk_cli_wait_done_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      data)
{
  DeskCliWait *wait = data;

  wait->result = g_object_ref (result);
}

/**
 * desk_cli_wait:
 * @object: what does the work, with a "fraction" property
 *
 * Runs the main context until the work is done. Meanwhile how far it has come shows on standard
 * error when that is a terminal.
 *
 * Returns: (transfer none): the work's result, for its finish function
 */
GAsyncResult *
desk_cli_wait (DeskCliWait *wait,
               gpointer     object)
{
  gboolean show_progress = isatty (STDERR_FILENO);
  gulong progress_id = 0;

  if (show_progress)
    progress_id = g_signal_connect (object, "notify::fraction",
                                    G_CALLBACK (on_fraction_notify_cb), NULL);

  while (wait->result == NULL)
    g_main_context_iteration (NULL, TRUE);

  if (show_progress)
    {
      g_signal_handler_disconnect (object, progress_id);
      g_printerr ("\r    \r");
    }

  return wait->result;
}

void
desk_cli_wait_clear (DeskCliWait *wait)
{
  g_clear_handle_id (&wait->interrupt_id, g_source_remove);
  g_clear_object (&wait->cancellable);
  g_clear_object (&wait->result);
}

/* Finds the command the first one or two words name; options may come before them. */
static const DeskCliCommand *
find_command (int     argc,
              char  **argv,
              int    *index)
{
  g_autoptr(GString) words = g_string_new (NULL);

  for (int i = 1; i < argc && words->len < 64; i++)
    {
      if (argv[i][0] == '-')
        {
          /* Skip a global option's separate value. */
          if ((g_str_equal (argv[i], "--database") || g_str_equal (argv[i], "-d") ||
               g_str_equal (argv[i], "--actor")) && i + 1 < argc)
            i++;
          continue;
        }

      if (words->len > 0)
        g_string_append_c (words, ' ');
      g_string_append (words, argv[i]);

      for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
        if (g_str_equal (words->str, commands[c].name))
          {
            *index = i;
            return &commands[c];
          }

      if (words->len > 0 && strchr (words->str, ' ') != NULL)
        break;
    }

  return NULL;
}

int
desk_cli_main (int    argc,
               char **argv)
{
  const DeskCliCommand *command;
  g_autofree char *description = NULL;
  g_autoptr(GOptionContext) context = NULL;
  int status = DESK_CLI_OK;
  int last_word = 0;
  int command_argc;
  g_autoptr(GPtrArray) command_argv = g_ptr_array_new ();

  command = find_command (argc, argv, &last_word);
  if (command != NULL)
    {
      /* Hand the command its options, without the command's words. */
      int first_word = last_word - (strchr (command->name, ' ') != NULL ? 1 : 0);

      for (int i = 0; i < argc; i++)
        if (i < first_word || i > last_word)
          g_ptr_array_add (command_argv, argv[i]);
      g_ptr_array_add (command_argv, NULL);
      command_argc = command_argv->len - 1;

      return command->run (command_argc, (char **) command_argv->pdata);
    }

  description = commands_description ();
  context = context_new ("COMMAND", "[ARGUMENTS…]",
                         _("Keep incidents, affected customers, notifications and remediation "
                           "checklists in the Incident Desk database."),
                         NULL);
  g_option_context_set_description (context, description);
  if (!parse_options (context, &argc, &argv, &status))
    return status;

  if (argc < 2)
    return desk_cli_usage_error (_("No command given"));

  return desk_cli_usage_error (_("Unknown command “%s”"), argv[1]);
}
