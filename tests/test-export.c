/* test-export.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The export writers: every format on the sample data, text that tries to break out of its
 * format (a spreadsheet formula, a script, Markdown structure), atomic saving, and the PDF as
 * poppler reads it back (pdftotext, pdfinfo, pdffonts). */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include "desk-demo.h"
#include "desk-export.h"
#include "desk-test-utils.h"

#define DAY (G_GINT64_CONSTANT (24) * 60 * 60)

#define MAIL_TITLE     "Webmail intrusion at Example Mail Hosting"
#define TRICKY_TITLE   "Injection <b>test</b> | # not a heading"
#define FORMULA        "=cmd|' /C calc'!A0"
#define SCRIPT         "<script>alert('x')</script>"
#define HEADING        "# not a heading | not a cell"
#define LINK           "[click](http://evil.example/)"
#define ZONE_TITLE     "Intrusion abroad"
#define JA_CUSTOMER    "株式会社サンプル商事"
#define JA_CATEGORY    "アカウント認証情報"
#define LONG_ITEMS     120

/* One store for every test, filled once: the demo, and an incident of awkward text. */
static DeskStore *store;
static gint64 now = 1776126600;   /* 2026-04-14 00:30 UTC */

/* Helpers {{{ */

static DeskIncident *
find_incident (const char *title)
{
  g_autoptr(GPtrArray) incidents = desk_store_list (store, DESK_TYPE_INCIDENT, NULL, 0, NULL);

  for (guint i = 0; i < incidents->len; i++)
    if (g_str_equal (desk_record_get_string (g_ptr_array_index (incidents, i), "title"), title))
      return g_object_ref (g_ptr_array_index (incidents, i));

  g_assert_not_reached ();
}

static DeskReport *
gather (const char     *title,
        DeskExportWhat  what)
{
  g_autoptr(DeskIncident) incident = find_incident (title);
  g_autoptr(GError) error = NULL;
  DeskReport *report = desk_report_gather (store, what, incident, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

/* Returns: (transfer full): @report in @format, as a string */
static char *
export_text (DeskReport       *report,
             DeskExportFormat  format)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (desk_export_write (report, format, DESK_PAPER_A4, stream, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

/* The incident of awkward text: hostile checklist items, and Japanese names. */
static void
add_tricky_incident (void)
{
  g_autoptr(DeskIncident) incident = desk_incident_new (TRICKY_TITLE);
  g_autoptr(DeskChecklist) checklist = NULL;
  g_autoptr(DeskChecklist) long_list = NULL;
  g_autoptr(DeskCategory) category = NULL;
  g_autoptr(DeskCustomer) customer = desk_customer_new ("JP-0001", JA_CUSTOMER);
  g_autoptr(DeskAffected) affected = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  DeskNotification *notice;
  g_autoptr(GError) error = NULL;
  const char *texts[] = { FORMULA, SCRIPT, HEADING, LINK, "@SUM(A1)", "line one\n# line two" };

  desk_record_set_int (DESK_RECORD (incident), "detected-at", now - 10 * DAY);
  desk_test_save (store, incident);
  category = desk_test_save (store, desk_category_new (incident, JA_CATEGORY));

  checklist = desk_test_save (store, desk_checklist_new (incident, "Hardening"));
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(DeskChecklistItem) item = desk_checklist_item_new (checklist, texts[i]);

      desk_record_set_string (DESK_RECORD (item), "owner", i == 0 ? "-1+1" : "SOC");
      desk_record_set_int (DESK_RECORD (item), "due-at", now - (i + 1) * DAY);
      desk_test_save (store, item);
    }

  long_list = desk_test_save (store, desk_checklist_new (incident, "Long list"));
  for (guint i = 1; i <= LONG_ITEMS; i++)
    {
      g_autofree char *text = g_strdup_printf ("Step %03u of the long list", i);
      g_autoptr(DeskChecklistItem) item = desk_checklist_item_new (long_list, text);

      desk_test_save (store, item);
    }

  affected = desk_affected_new (incident, customer);
  desk_record_set_enum (DESK_RECORD (affected), "exposure", DESK_EXPOSURE_CONFIRMED);
  desk_record_set_int (DESK_RECORD (affected), "categories",
                       G_GINT64_CONSTANT (1) << desk_record_get_int (DESK_RECORD (category),
                                                                     "bit"));
  g_assert_true (desk_store_add_affected_customer (store, customer, affected, &error));
  g_assert_no_error (error);

  /* The store puts the customer on the ledger; give the notice a deadline that passed. */
  notices = desk_store_list (store, DESK_TYPE_NOTIFICATION, "affected-id",
                             desk_record_get_id (DESK_RECORD (affected)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notices->len, ==, 1);
  notice = g_ptr_array_index (notices, 0);
  desk_record_set_int (DESK_RECORD (notice), "due-at", now - DAY);
  desk_test_save (store, notice);
}

/* }}} */
/* Each format on the sample data {{{ */

static void
test_markdown (void)
{
  g_autoptr(DeskReport) report = gather (MAIL_TITLE, DESK_EXPORT_WHAT_STATUS);
  g_autofree char *text = export_text (report, DESK_EXPORT_FORMAT_MARKDOWN);

  g_assert_true (g_str_has_prefix (text, "# Incident status report: " MAIL_TITLE "\n"));
  g_assert_nonnull (strstr (text, "\n## Key figures\n"));
  g_assert_nonnull (strstr (text, "| Figure | Counted | Announced (estimate) |\n"
                                  "| --- | ---: | ---: |\n"));
  g_assert_nonnull (strstr (text, "| Accounts potentially affected | "));
  g_assert_nonnull (strstr (text, " | 4,072,650 |\n"));
  g_assert_nonnull (strstr (text, "| ↳ In a breach category, without duplicates | 586 |  |\n"));
  g_assert_nonnull (strstr (text, "412 of 606 customers notified."));
  g_assert_nonnull (strstr (text, "\n## Open checklist items\n"));
  g_assert_nonnull (strstr (text, "**Overdue by "));
  g_assert_true (g_str_has_suffix (text, " |\n"));
}

static void
test_html (void)
{
  g_autoptr(DeskReport) report = gather (MAIL_TITLE, DESK_EXPORT_WHAT_LEDGER);
  g_autofree char *text = export_text (report, DESK_EXPORT_FORMAT_HTML);

  g_assert_true (g_str_has_prefix (text, "<!DOCTYPE html>\n<html lang=\"en\">\n"));
  g_assert_nonnull (strstr (text, "<title>Notification ledger: " MAIL_TITLE "</title>"));
  g_assert_nonnull (strstr (text, "@page { size: A4;"));
  g_assert_nonnull (strstr (text, "<h2>Affected customers</h2>"));
  g_assert_nonnull (strstr (text, "<th scope=\"col\">Contract</th>"));
  /* Regulator and public notices, then a row per customer: 606 of them. */
  g_assert_cmpuint (count_occurrences (text, "<td>MH-"), ==, 606);
  g_assert_nonnull (strstr (text, "<tr class=\"under\"><td></td><td colspan=\"10\"><b>Note:</b> "));
  g_assert_true (g_str_has_suffix (text, "</html>\n"));
}

static void
test_csv (void)
{
  g_autoptr(DeskReport) ledger = gather (MAIL_TITLE, DESK_EXPORT_WHAT_LEDGER);
  g_autoptr(DeskReport) status = gather (MAIL_TITLE, DESK_EXPORT_WHAT_STATUS);
  g_autofree char *ledger_text = export_text (ledger, DESK_EXPORT_FORMAT_CSV);
  g_autofree char *status_text = export_text (status, DESK_EXPORT_FORMAT_CSV);
  g_auto(GStrv) lines = NULL;

  /* The ledger: one table, every column, a line per notice to others and per customer. */
  g_assert_true (g_str_has_prefix (ledger_text, "\xef\xbb\xbf" "Recipient type,Contract,"
                                   "Recipient,Account manager,Exposure,Accounts,Confirmed,"
                                   "Channel,Status,Due,Sent,Acknowledged,Note,Late\r\n"));
  lines = g_strsplit (ledger_text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 2 + 606 + 1);
  g_assert_cmpstr (lines[3 + 606], ==, "");
  g_assert_true (g_str_has_prefix (lines[1], "Regulator,,Personal Information Protection "
                                   "Commission,,,,,Regulator filing,Sent,"));
  g_assert_true (g_str_has_prefix (lines[3], "Customer,MH-10001,"));
  g_assert_null (strstr (ledger_text, "\n\n"));

  /* The status report: long, a value a line, numbers as numbers. */
  g_assert_true (g_str_has_prefix (status_text, "\xef\xbb\xbf" "Section,Row,Column,Value\r\n"));
  g_assert_nonnull (strstr (status_text, "\r\nKey figures,Accounts potentially affected,"
                                         "Announced (estimate),4072650\r\n"));
  g_assert_nonnull (strstr (status_text, "\r\nIncident,Severity,,Critical\r\n"));
  g_assert_nonnull (strstr (status_text, "\r\nCustomer notices by channel,Service portal,"
                                         "Progress,100\r\n"));
}

static void
test_json (void)
{
  g_autoptr(DeskReport) report = gather (MAIL_TITLE, DESK_EXPORT_WHAT_STATUS);
  g_autofree char *text = export_text (report, DESK_EXPORT_FORMAT_JSON);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object, *section, *facts, *row = NULL;
  JsonArray *sections, *rows;

  root = json_from_string (text, &error);
  g_assert_no_error (error);
  object = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (object, "format_version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "report"), ==, "status");
  /* The demo incident is in Tokyo: times carry its offset. */
  g_assert_cmpstr (json_object_get_string_member (object, "time_zone"), ==, "Asia/Tokyo");
  g_assert_cmpstr (json_object_get_string_member (object, "exported_at"), ==,
                   "2026-04-14T09:30:00+09:00");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object,
                                                                                 "incident"),
                                                  "title"), ==, MAIL_TITLE);

  sections = json_object_get_array_member (object, "sections");
  section = json_array_get_object_element (sections, 0);
  g_assert_cmpstr (json_object_get_string_member (section, "id"), ==, "incident");
  facts = json_object_get_object_member (section, "facts");
  g_assert_cmpstr (json_object_get_string_member (facts, "severity"), ==, "critical");
  g_assert_cmpstr (json_object_get_string_member (facts, "severity_label"), ==, "Critical");

  section = json_array_get_object_element (sections, 1);
  g_assert_cmpstr (json_object_get_string_member (section, "id"), ==, "key-figures");
  rows = json_object_get_array_member (section, "rows");
  for (guint i = 0; i < json_array_get_length (rows); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (rows, i),
                                                    "figure"), "contracts_unique"))
      row = json_array_get_object_element (rows, i);
  g_assert_nonnull (row);
  g_assert_cmpint (json_object_get_int_member (row, "counted"), ==, 586);
  g_assert_true (json_object_get_null_member (row, "announced"));
  g_assert_true (json_object_get_boolean_member (row, "detail"));

  /* Overdue open items are flagged, with their due time in ISO 8601. */
  for (guint i = 0; i < json_array_get_length (sections); i++)
    {
      section = json_array_get_object_element (sections, i);
      if (!g_str_equal (json_object_get_string_member (section, "id"), "open-items"))
        continue;
      row = json_array_get_object_element (json_object_get_array_member (section, "rows"), 0);
      g_assert_true (json_object_get_boolean_member (row, "overdue"));
      g_assert_true (g_str_has_suffix (json_object_get_string_member (row, "due_at"),
                                        "+09:00"));
    }
}

/* }}} */
/* Text that tries to break out of its format {{{ */

static void
test_csv_injection (void)
{
  g_autoptr(DeskReport) report = gather (TRICKY_TITLE, DESK_EXPORT_WHAT_CHECKLISTS);
  g_autofree char *text = export_text (report, DESK_EXPORT_FORMAT_CSV);

  /* Quoted, with an apostrophe that spreadsheet programs show as text. */
  g_assert_nonnull (strstr (text, "\r\n1,\"'=cmd|' /C calc'!A0\",\"'-1+1\","));
  g_assert_nonnull (strstr (text, "\r\n5,\"'@SUM(A1)\",SOC,"));
  g_assert_nonnull (strstr (text, "\r\n6,\"line one\n# line two\",SOC,"));
  g_assert_null (strstr (text, ",=cmd"));
  g_assert_null (strstr (text, ",@SUM"));
}

static void
test_html_injection (void)
{
  g_autoptr(DeskReport) report = gather (TRICKY_TITLE, DESK_EXPORT_WHAT_CHECKLISTS);
  g_autofree char *text = export_text (report, DESK_EXPORT_FORMAT_HTML);

  g_assert_null (strstr (text, "<script"));
  g_assert_null (strstr (text, "<b>test"));
  g_assert_nonnull (strstr (text, "<td>&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;</td>"));
  g_assert_nonnull (strstr (text, "<h1>Injection &lt;b&gt;test&lt;/b&gt; | # not a heading</h1>"));
  /* Nothing to load from anywhere, and a policy that forbids it anyway. */
  g_assert_nonnull (strstr (text, "content=\"default-src 'none'; style-src 'unsafe-inline'\""));
  g_assert_null (strstr (text, "href"));
  g_assert_null (strstr (text, "src=\""));
  g_assert_null (strstr (text, "url("));
  g_assert_null (strstr (text, "@import"));
}

static void
test_markdown_injection (void)
{
  g_autoptr(DeskReport) report = gather (TRICKY_TITLE, DESK_EXPORT_WHAT_CHECKLISTS);
  g_autofree char *text = export_text (report, DESK_EXPORT_FORMAT_MARKDOWN);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  g_assert_true (g_str_has_prefix (text, "# Remediation checklists: Injection \\<b\\>test\\</b\\> "
                                         "\\| # not a heading\n"));
  g_assert_nonnull (strstr (text, "| 3 | \\# not a heading \\| not a cell | SOC | "));
  g_assert_nonnull (strstr (text, "| 4 | \\[click\\](http://evil.example/) | "));
  g_assert_nonnull (strstr (text, "| 2 | \\<script\\>alert('x')\\</script\\> | "));
  /* A line break in a cell would end the row. */
  g_assert_nonnull (strstr (text, "| 6 | line one · \\# line two | "));

  /* Every row of the table has as many cells as its heading. */
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "| # | Item |"))
      for (guint j = i; lines[j] != NULL && lines[j][0] == '|'; j++)
        g_assert_cmpuint (count_occurrences (lines[j], " | ") -
                          count_occurrences (lines[j], "\\| "), ==,
                          count_occurrences (lines[i], " | "));
}

static void
test_json_round_trip (void)
{
  g_autoptr(DeskReport) report = gather (TRICKY_TITLE, DESK_EXPORT_WHAT_CHECKLISTS);
  g_autofree char *text = export_text (report, DESK_EXPORT_FORMAT_JSON);
  g_autoptr(JsonNode) root = json_from_string (text, NULL);
  JsonArray *sections = json_object_get_array_member (json_node_get_object (root), "sections");
  JsonArray *rows = json_object_get_array_member (json_array_get_object_element (sections, 0),
                                                  "rows");

  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows, 0),
                                                  "text"), ==, FORMULA);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rows, 1),
                                                  "text"), ==, SCRIPT);
}

/* }}} */
/* Writing {{{ */

static char *
make_file (const char *dir,
           const char *name,
           const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
  return path;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (listing) != NULL)
    n++;

  return n;
}

static void
assert_contents (const char *path,
                 const char *expected)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
}

static void
test_save_replaces (void)
{
  g_autoptr(DeskReport) report = gather (MAIL_TITLE, DESK_EXPORT_WHAT_CHECKLISTS);
  g_autofree char *dir = desk_test_make_tmp_dir ();
  g_autofree char *path = make_file (dir, "checklists.md", "old");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (desk_export_save (report, DESK_EXPORT_FORMAT_MARKDOWN, DESK_PAPER_A4, file, NULL,
                                   &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "# Remediation checklists: "));
  g_assert_cmpuint (count_files (dir), ==, 1);

  desk_test_remove_tree (dir);
}

/* A write that fails half-way (here the file size limit; a full disk alike) leaves the old
 * file as it was, and no temporary file behind. */
static void
test_save_failing_write (void)
{
  g_autoptr(DeskReport) report = gather (MAIL_TITLE, DESK_EXPORT_WHAT_STATUS);
  g_autofree char *dir = desk_test_make_tmp_dir ();
  g_autofree char *path = make_file (dir, "status.pdf", "the good old report");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  struct rlimit saved, limited;
  gboolean saved_ok;

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limited = saved;
  limited.rlim_cur = 4096;
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limited), ==, 0);
  saved_ok = desk_export_save (report, DESK_EXPORT_FORMAT_PDF, DESK_PAPER_A4, file, NULL, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, SIG_DFL);

  g_assert_false (saved_ok);
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "Could not save “"));
  g_assert_nonnull (strstr (error->message, "status.pdf”: "));
  assert_contents (path, "the good old report");
  g_assert_cmpuint (count_files (dir), ==, 1);

  desk_test_remove_tree (dir);
}

static void
test_save_unwritable_folder (void)
{
  g_autoptr(DeskReport) report = gather (MAIL_TITLE, DESK_EXPORT_WHAT_STATUS);
  g_autofree char *dir = desk_test_make_tmp_dir ();
  g_autofree char *path = make_file (dir, "status.html", "the good old report");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  if (access (dir, W_OK) == 0)
    {
      g_test_skip ("Folder permissions do not bind this user (root?)");
      g_chmod (dir, 0755);
      desk_test_remove_tree (dir);
      return;
    }

  g_assert_false (desk_export_save (report, DESK_EXPORT_FORMAT_HTML, DESK_PAPER_A4, file, NULL,
                                    &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "you may not write in that folder"));
  assert_contents (path, "the good old report");

  g_chmod (dir, 0755);
  desk_test_remove_tree (dir);
}

static void
test_save_missing_folder (void)
{
  g_autoptr(DeskReport) report = gather (MAIL_TITLE, DESK_EXPORT_WHAT_STATUS);
  g_autofree char *dir = desk_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "missing", "status.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = g_strdup_printf ("Could not save “%s”: the folder does not exist",
                                               path);

  g_assert_false (desk_export_save (report, DESK_EXPORT_FORMAT_JSON, DESK_PAPER_A4, file, NULL,
                                    &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, expected);

  desk_test_remove_tree (dir);
}

/* The name the window suggests for an export's file. */
static void
test_file_name (void)
{
  static const struct
  {
    const char       *title;
    const char       *subject;
    DeskExportFormat  format;
    const char       *name;
  } cases[] = {
    { MAIL_TITLE, "Incident status report", DESK_EXPORT_FORMAT_PDF,
      MAIL_TITLE " - Incident status report - 2026-04-14.pdf" },
    { "Webmail / IMAP: \"critical\" <now>?", "MFA rollout", DESK_EXPORT_FORMAT_MARKDOWN,
      "Webmail IMAP critical now - MFA rollout - 2026-04-14.md" },
    { "..hidden\tand\nwrapped ", "Notification ledger", DESK_EXPORT_FORMAT_CSV,
      "hidden and wrapped - Notification ledger - 2026-04-14.csv" },
    { "-rf *", "Remediation checklists", DESK_EXPORT_FORMAT_JSON,
      "rf - Remediation checklists - 2026-04-14.json" },
    { "メールサーバへの不正アクセス", "パッチ適用", DESK_EXPORT_FORMAT_HTML,
      "メールサーバへの不正アクセス - パッチ適用 - 2026-04-14.html" },
    { "", "", DESK_EXPORT_FORMAT_PDF, "2026-04-14.pdf" },
  };
  g_autofree char *long_title = g_strnfill (200, 'x');
  g_autofree char *long_name = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = desk_export_file_name (cases[i].title, cases[i].subject, now,
                                                     cases[i].format);

      g_assert_cmpstr (name, ==, cases[i].name);
    }

  /* Not too long for a file system, whatever the title. */
  long_name = desk_export_file_name (long_title, "Incident status report", now,
                                     DESK_EXPORT_FORMAT_PDF);
  g_assert_cmpuint (strlen (long_name), <, 120);
}

/* A stream that fails part-way: each writer gives up with the stream's error. */
static void
test_failing_stream (void)
{
  g_autoptr(DeskReport) report = gather (MAIL_TITLE, DESK_EXPORT_WHAT_LEDGER);
  g_autoptr(GEnumClass) formats = g_type_class_ref (DESK_TYPE_EXPORT_FORMAT);

  for (guint i = 0; i < formats->n_values; i++)
    {
      g_autofree char *buffer = g_malloc (2000);
      g_autoptr(GOutputStream) stream = g_memory_output_stream_new (buffer, 2000, NULL, NULL);
      g_autoptr(GError) error = NULL;

      g_test_message ("format %s", formats->values[i].value_nick);
      g_assert_false (desk_export_write (report, formats->values[i].value, DESK_PAPER_A4, stream,
                                         NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
    }
}

/* }}} */
/* PDF, as poppler reads it {{{ */

/* Writes @report as PDF into @dir and returns its path. */
static char *
save_pdf (DeskReport *report,
          DeskPaper   paper,
          const char *dir)
{
  char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (desk_export_save (report, DESK_EXPORT_FORMAT_PDF, paper, file, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_pdf_status (void)
{
  g_autoptr(DeskReport) report = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *first_page = NULL;

  if (!desk_test_have_poppler ())
    return;

  report = gather (MAIL_TITLE, DESK_EXPORT_WHAT_STATUS);
  dir = desk_test_make_tmp_dir ();
  path = save_pdf (report, DESK_PAPER_A4, dir);

  info = desk_test_spawn ((const char *[]) { "pdfinfo", path, NULL });
  g_assert_nonnull (strstr (info, "Title:           Incident status report: " MAIL_TITLE "\n"));
  g_assert_nonnull (strstr (info, "\nCreator:         Incident Desk "));
  g_assert_nonnull (strstr (info, "\nPage size:       595.276 x 841.89 pts (A4)\n"));

  first_page = desk_test_spawn ((const char *[]) { "pdftotext", "-f", "1", "-l", "1", path, "-", NULL });
  g_assert_nonnull (strstr (first_page, MAIL_TITLE));
  g_assert_nonnull (strstr (first_page, "Exported 14 Apr 2026 09:30 JST"));
  g_assert_nonnull (strstr (first_page, "Key figures"));
  g_assert_nonnull (strstr (first_page, "4,072,650"));
  g_assert_nonnull (strstr (first_page, "Page 1 of "));

  text = desk_test_spawn ((const char *[]) { "pdftotext", path, "-", NULL });
  /* The notification chart: its deadlines' labels, and its legend. */
  g_assert_nonnull (strstr (text, "Customers’ deadline ("));
  g_assert_nonnull (strstr (text, "\nDeadline\n"));
  g_assert_nonnull (strstr (text, "Open checklist items"));
  g_assert_nonnull (strstr (text, "Recent timeline"));
  g_assert_nonnull (strstr (text, "added 606 affected customers"));

  desk_test_remove_tree (dir);
}

static void
test_pdf_letter_and_japanese (void)
{
  g_autoptr(DeskReport) report = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *fonts = NULL;

  if (!desk_test_have_poppler ())
    return;

  report = gather (TRICKY_TITLE, DESK_EXPORT_WHAT_STATUS);
  dir = desk_test_make_tmp_dir ();
  path = save_pdf (report, DESK_PAPER_LETTER, dir);

  info = desk_test_spawn ((const char *[]) { "pdfinfo", path, NULL });
  g_assert_nonnull (strstr (info, "\nPage size:       612 x 792 pts (letter)\n"));

  /* Japanese comes out as the characters it went in as, from a Japanese font. */
  text = desk_test_spawn ((const char *[]) { "pdftotext", path, "-", NULL });
  g_assert_nonnull (strstr (text, JA_CATEGORY));
  g_assert_nonnull (strstr (text, JA_CUSTOMER));
  g_assert_nonnull (strstr (text, SCRIPT));
  fonts = desk_test_spawn ((const char *[]) { "pdffonts", path, NULL });
  g_assert_nonnull (strstr (fonts, "NotoSansCJK"));

  desk_test_remove_tree (dir);
}

/* A checklist longer than a page: every item once, the heading row again on each page. */
static void
test_pdf_long_table (void)
{
  g_autoptr(DeskIncident) incident = NULL;
  g_autoptr(GPtrArray) checklists = NULL;
  g_autoptr(DeskReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected_pages = NULL;
  g_auto(GStrv) pages = NULL;
  DeskChecklist *long_list = NULL;
  guint n_pages;

  if (!desk_test_have_poppler ())
    return;

  incident = find_incident (TRICKY_TITLE);
  checklists = desk_store_list (store, DESK_TYPE_CHECKLIST, "incident-id",
                                desk_record_get_id (DESK_RECORD (incident)), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < checklists->len; i++)
    if (g_str_equal (desk_record_get_string (g_ptr_array_index (checklists, i), "title"),
                     "Long list"))
      long_list = g_ptr_array_index (checklists, i);
  report = desk_report_gather (store, DESK_EXPORT_WHAT_CHECKLISTS, incident, long_list, &error);
  g_assert_no_error (error);

  dir = desk_test_make_tmp_dir ();
  path = save_pdf (report, DESK_PAPER_A4, dir);
  info = desk_test_spawn ((const char *[]) { "pdfinfo", path, NULL });
  text = desk_test_spawn ((const char *[]) { "pdftotext", "-layout", path, "-", NULL });

  pages = g_strsplit (text, "\f", -1);
  n_pages = g_strv_length (pages) - 1;
  g_assert_cmpuint (n_pages, >, 1);
  expected_pages = g_strdup_printf ("\nPages:           %u\n", n_pages);
  g_assert_nonnull (strstr (info, expected_pages));

  for (guint i = 1; i <= LONG_ITEMS; i++)
    {
      g_autofree char *item = g_strdup_printf ("Step %03u of the long list", i);

      g_assert_cmpuint (count_occurrences (text, item), ==, 1);
    }

  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", p + 1, n_pages);

      g_assert_nonnull (strstr (pages[p], TRICKY_TITLE));
      g_assert_nonnull (strstr (pages[p], footer));
      g_assert_nonnull (strstr (pages[p], "Item"));
      if (p > 0)
        g_assert_nonnull (strstr (pages[p], "Long list (continued)"));
    }

  desk_test_remove_tree (dir);
}

/* }}} */
/* Time zones {{{ */

/* On a machine in UTC (main() sets TZ), every format tells the incident's times in its zone,
 * says which zone that is, and follows the record when its zone changes. */
static void
test_time_zone (void)
{
  const struct
  {
    const char *zone;
    const char *line;
    const char *markdown_line;   /* Markdown escapes the underscore of New_York */
    const char *detected;
    const char *detected_iso;
    const char *exported_iso;
  } zones[] = {
    { "Asia/Tokyo", "Times in Asia/Tokyo (JST)", "Times in Asia/Tokyo (JST)", "14 Apr 2026 05:00",
      "2026-04-14T05:00:00+09:00", "2026-04-14T09:30:00+09:00" },
    { "America/New_York", "Times in America/New_York (EDT)",
      "Times in America/New\\_York (EDT)", "13 Apr 2026 16:00",
      "2026-04-13T16:00:00-04:00", "2026-04-13T20:30:00-04:00" },
  };
  g_autoptr(DeskIncident) incident = desk_incident_new (ZONE_TITLE);

  desk_record_set_int (DESK_RECORD (incident), "detected-at", 1776110400);  /* 13 Apr 20:00 UTC */

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      g_autoptr(DeskReport) report = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *markdown = NULL, *html = NULL, *csv = NULL, *json = NULL;
      g_autofree char *csv_line = NULL;
      JsonObject *object, *facts;

      desk_record_set_string (DESK_RECORD (incident), "time-zone", zones[i].zone);
      desk_test_save (store, incident);
      report = gather (ZONE_TITLE, DESK_EXPORT_WHAT_STATUS);

      markdown = export_text (report, DESK_EXPORT_FORMAT_MARKDOWN);
      g_assert_nonnull (strstr (markdown, zones[i].markdown_line));
      g_assert_nonnull (strstr (markdown, zones[i].detected));

      html = export_text (report, DESK_EXPORT_FORMAT_HTML);
      g_assert_nonnull (strstr (html, zones[i].line));
      g_assert_nonnull (strstr (html, zones[i].detected));

      csv = export_text (report, DESK_EXPORT_FORMAT_CSV);
      csv_line = g_strdup_printf ("\r\nIncident,Detected,,%s\r\n", zones[i].detected_iso);
      g_assert_nonnull (strstr (csv, csv_line));

      json = export_text (report, DESK_EXPORT_FORMAT_JSON);
      root = json_from_string (json, &error);
      g_assert_no_error (error);
      object = json_node_get_object (root);
      g_assert_cmpstr (json_object_get_string_member (object, "time_zone"), ==, zones[i].zone);
      g_assert_cmpstr (json_object_get_string_member (object, "exported_at"), ==,
                       zones[i].exported_iso);
      facts = json_object_get_object_member (
        json_array_get_object_element (json_object_get_array_member (object, "sections"), 0),
        "facts");
      g_assert_cmpstr (json_object_get_string_member (facts, "detected_at"), ==,
                       zones[i].detected_iso);

      if (desk_test_have_poppler ())
        {
          g_autofree char *dir = desk_test_make_tmp_dir ();
          g_autofree char *path = save_pdf (report, DESK_PAPER_A4, dir);
          g_autofree char *text = desk_test_spawn ((const char *[]) { "pdftotext", "-f", "1",
                                                                      "-l", "1", path, "-",
                                                                      NULL });

          g_strdelimit (text, "\n", ' ');
          g_assert_nonnull (strstr (text, zones[i].line));
          g_assert_nonnull (strstr (text, zones[i].detected));
          desk_test_remove_tree (dir);
        }
    }
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* A machine in UTC, so that the incidents' zones show. */
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  store = desk_test_open_store (NULL);
  desk_store_set_clock (store, desk_test_fixed_clock, &now);
  g_assert_true (desk_demo_populate (store, &error));
  g_assert_no_error (error);
  add_tricky_incident ();

  g_test_add_func ("/desk/export/markdown", test_markdown);
  g_test_add_func ("/desk/export/html", test_html);
  g_test_add_func ("/desk/export/csv", test_csv);
  g_test_add_func ("/desk/export/json", test_json);
  g_test_add_func ("/desk/export/injection/csv", test_csv_injection);
  g_test_add_func ("/desk/export/injection/html", test_html_injection);
  g_test_add_func ("/desk/export/injection/markdown", test_markdown_injection);
  g_test_add_func ("/desk/export/injection/json", test_json_round_trip);
  g_test_add_func ("/desk/export/save/replaces", test_save_replaces);
  g_test_add_func ("/desk/export/save/failing-write", test_save_failing_write);
  g_test_add_func ("/desk/export/save/unwritable-folder", test_save_unwritable_folder);
  g_test_add_func ("/desk/export/save/missing-folder", test_save_missing_folder);
  g_test_add_func ("/desk/export/failing-stream", test_failing_stream);
  g_test_add_func ("/desk/export/file-name", test_file_name);
  g_test_add_func ("/desk/export/pdf/status", test_pdf_status);
  g_test_add_func ("/desk/export/pdf/letter-and-japanese", test_pdf_letter_and_japanese);
  g_test_add_func ("/desk/export/pdf/long-table", test_pdf_long_table);
  g_test_add_func ("/desk/export/time-zone", test_time_zone);

  status = g_test_run ();
  g_clear_object (&store);
  return status;
}
