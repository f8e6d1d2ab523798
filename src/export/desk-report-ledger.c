/* desk-report-ledger.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Notices in a report: the notification ledger (the notices to the regulator and the public,
 * then a row per affected customer), and the notices not sent yet for the status report. A
 * deadline is marked when it passed before the notice went out, as the Notifications page does. */

#define G_LOG_DOMAIN "desk-report-ledger"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-customer-list.h"
#include "desk-labels.h"
#include "desk-report-private.h"

typedef struct
{
  DeskRecord *notice;
  const char *recipient;   /* borrowed from a record the caller holds */
  const char *contract;
} Pending;

/* Helpers {{{ */

static void
add_channel_cell (DeskReportTable *table,
                  DeskRecord      *notice)
{
  DeskChannel channel = desk_record_get_enum (notice, "channel");

  desk_report_table_add_enum (table, DESK_TYPE_CHANNEL, channel, desk_channel_label (channel));
}

static void
add_status_cell (DeskReportTable *table,
                 DeskRecord      *notice)
{
  DeskNotificationStatus status = desk_record_get_enum (notice, "status");

  desk_report_table_add_enum (table, DESK_TYPE_NOTIFICATION_STATUS, status,
                              desk_notification_status_label (status));
}

static gboolean
is_pending (DeskRecord *notice)
{
  switch ((DeskNotificationStatus) desk_record_get_enum (notice, "status"))
    {
    case DESK_NOTIFICATION_STATUS_NOT_STARTED:
    case DESK_NOTIFICATION_STATUS_DRAFTED:
    case DESK_NOTIFICATION_STATUS_APPROVED:
    case DESK_NOTIFICATION_STATUS_BOUNCED:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Whether the notice missed its deadline: sent after it, or still not sent when it passed. */
static gboolean
is_late (DeskRecord *notice,
         gint64      now)
{
  gint64 due_at = desk_record_get_int (notice, "due-at");
  gint64 sent_at = desk_record_get_int (notice, "sent-at");

  if (due_at == 0)
    return FALSE;
  if (is_pending (notice))
    return now > due_at;
  return sent_at > due_at;
}

static void
add_due_cell (DeskReportTable *table,
              DeskRecord      *notice,
              gint64           now)
{
  gboolean late = is_late (notice, now);
  const char *remark = NULL;

  if (late)
    remark = is_pending (notice) ? _("Overdue, not sent") : _("Sent late");
  desk_report_table_add_date (table, desk_record_get_int (notice, "due-at"), remark, late);
}

static const char *
notice_recipient (DeskRecord *notice)
{
  const char *name = desk_record_get_string (notice, "recipient-name");

  if (name == NULL || *name == '\0')
    name = desk_recipient_label (desk_record_get_enum (notice, "recipient"));
  return name;
}

static void
add_ledger_columns (DeskReportTable *table,
                    const char      *name_title)
{
  static const struct
  {
    const char            *key;
    const char            *title;
    DeskReportKind         kind;
    DeskReportColumnFlags  flags;
  } columns[] = {
    { "recipient", NC_("column", "Recipient type"), DESK_REPORT_LABEL, DESK_REPORT_COLUMN_HIDDEN },
    { "contract_id", NC_("column", "Contract"), DESK_REPORT_TEXT, DESK_REPORT_COLUMN_NONE },
    { "name", NULL, DESK_REPORT_TEXT, DESK_REPORT_COLUMN_NONE },
    { "account_manager", NC_("column", "Account manager"), DESK_REPORT_TEXT,
      DESK_REPORT_COLUMN_NONE },
    { "exposure", NC_("column", "Exposure"), DESK_REPORT_LABEL, DESK_REPORT_COLUMN_NONE },
    { "accounts", NC_("column", "Accounts"), DESK_REPORT_COUNT, DESK_REPORT_COLUMN_NONE },
    { "confirmed_accounts", NC_("column", "Confirmed"), DESK_REPORT_COUNT,
      DESK_REPORT_COLUMN_NONE },
    { "channel", NC_("column", "Channel"), DESK_REPORT_LABEL, DESK_REPORT_COLUMN_NONE },
    { "status", NC_("column", "Status"), DESK_REPORT_LABEL, DESK_REPORT_COLUMN_NONE },
    { "due_at", NC_("column", "Due"), DESK_REPORT_TIME, DESK_REPORT_COLUMN_NONE },
    { "sent_at", NC_("column", "Sent"), DESK_REPORT_DATE, DESK_REPORT_COLUMN_NONE },
    { "acknowledged_at", NC_("column", "Acknowledged"), DESK_REPORT_DATE,
      DESK_REPORT_COLUMN_NONE },
    { "note", NC_("column", "Note"), DESK_REPORT_TEXT, DESK_REPORT_COLUMN_UNDER },
    { "late", NC_("column", "Late"), DESK_REPORT_FLAG, DESK_REPORT_COLUMN_HIDDEN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    desk_report_table_add_column (table, columns[i].key,
                                  columns[i].title ? g_dpgettext2 (GETTEXT_PACKAGE, "column",
                                                                   columns[i].title)
                                                   : name_title,
                                  columns[i].kind, columns[i].flags);
}

/* The notice's cells of a ledger row, from the channel on; a customer without a notice record
 * has blanks there. */
static void
add_notice_cells (DeskReportTable *table,
                  DeskRecord      *notice,
                  gint64           now)
{
  if (notice == NULL)
    {
      for (guint i = 0; i < 6; i++)
        desk_report_table_add_blank (table);
      desk_report_table_add_flag (table, FALSE);
      return;
    }

  add_channel_cell (table, notice);
  add_status_cell (table, notice);
  add_due_cell (table, notice, now);
  desk_report_table_add_date (table, desk_record_get_int (notice, "sent-at"), NULL, FALSE);
  desk_report_table_add_date (table, desk_record_get_int (notice, "acknowledged-at"), NULL,
                              FALSE);
  desk_report_table_add_text (table, desk_record_get_string (notice, "note"));
  desk_report_table_add_flag (table, is_late (notice, now));
}

/* The notices to others than customers (regulators, the public), or %NULL with @error set. */
static GPtrArray *
list_other_notices (DeskStore     *store,
                    DeskIncident  *incident,
                    GError       **error)
{
  g_autoptr(GPtrArray) notices = NULL;
  GPtrArray *others;

  if (!(notices = desk_store_list (store, DESK_TYPE_NOTIFICATION, "incident-id",
                                   desk_record_get_id (DESK_RECORD (incident)), error)))
    return NULL;

  others = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < notices->len; i++)
    {
      DeskRecord *notice = g_ptr_array_index (notices, i);

      if (desk_record_get_enum (notice, "recipient") != DESK_RECIPIENT_CUSTOMER)
        g_ptr_array_add (others, g_object_ref (notice));
    }

  return others;
}

/* Returns: (transfer full): the incident's customers in contract order, loaded */
static DeskCustomerList *
load_customers (DeskStore         *store,
                DeskIncident      *incident,
                DeskNoticeFilter   filter,
                GError           **error)
{
  g_autoptr(DeskCustomerList) customers = NULL;

  if (!(customers = desk_customer_list_new (store, desk_record_get_id (DESK_RECORD (incident)),
                                            error)))
    return NULL;

  desk_customer_list_set_filter (customers, filter);
  if (!desk_customer_list_reload (customers, error))
    return NULL;

  return g_steal_pointer (&customers);
}

/* Pending notices by deadline, those without one last. */
static int
compare_pending (gconstpointer a,
                 gconstpointer b)
{
  gint64 da = desk_record_get_int (((const Pending *) a)->notice, "due-at");
  gint64 db = desk_record_get_int (((const Pending *) b)->notice, "due-at");

  if (da == db)
    return 0;
  if (da == 0 || db == 0)
    return da == 0 ? 1 : -1;
  return da < db ? -1 : 1;
}

/* }}} */
/* Sections {{{ */

/* Adds the notices to regulators and the public, in ledger columns. */
gboolean
_desk_report_add_other_notices (DeskReport     *report,
                                DeskStore      *store,
                                DeskIncident   *incident,
                                GError        **error)
{
  g_autoptr(GPtrArray) notices = NULL;
  DeskReportSection *section;
  DeskReportTable *table;

  if (!(notices = list_other_notices (store, incident, error)))
    return FALSE;

  section = desk_report_add_section (report, "other-notices", _("Regulator and public notices"));
  table = desk_report_section_add_table (section);
  add_ledger_columns (table, C_("column", "Recipient"));
  desk_report_table_set_empty_text (table, _("No notice to a regulator or the public yet."));

  for (guint i = 0; i < notices->len; i++)
    {
      DeskRecord *notice = g_ptr_array_index (notices, i);
      DeskRecipient recipient = desk_record_get_enum (notice, "recipient");

      desk_report_table_begin_row (table, DESK_REPORT_ROW_NONE);
      desk_report_table_set_key (table, desk_record_get_uuid (notice));
      desk_report_table_add_enum (table, DESK_TYPE_RECIPIENT, recipient,
                                  desk_recipient_label (recipient));
      desk_report_table_add_blank (table);
      desk_report_table_add_text (table, notice_recipient (notice));
      for (guint j = 0; j < 4; j++)
        desk_report_table_add_blank (table);
      add_notice_cells (table, notice, report->exported_at);
    }

  return TRUE;
}

gboolean
_desk_report_add_ledger (DeskReport     *report,
                         DeskStore      *store,
                         DeskIncident   *incident,
                         GError        **error)
{
  g_autoptr(DeskCustomerList) customers = NULL;
  DeskReportSection *section;
  DeskReportTable *table;
  guint n_customers;

  if (!_desk_report_add_other_notices (report, store, incident, error) ||
      !(customers = load_customers (store, incident, DESK_NOTICE_FILTER_ALL, error)))
    return FALSE;

  section = desk_report_add_section (report, "customers", _("Affected customers"));
  table = desk_report_section_add_table (section);
  add_ledger_columns (table, C_("column", "Customer"));
  desk_report_table_set_empty_text (table, _("No customer is on the incident yet."));

  n_customers = g_list_model_get_n_items (G_LIST_MODEL (customers));
  for (guint i = 0; i < n_customers; i++)
    {
      g_autoptr(DeskCustomerRow) row = g_list_model_get_item (G_LIST_MODEL (customers), i);
      DeskRecord *customer = DESK_RECORD (desk_customer_row_get_customer (row));
      DeskRecord *affected = DESK_RECORD (desk_customer_row_get_affected (row));
      DeskExposure exposure = desk_record_get_enum (affected, "exposure");

      desk_report_table_begin_row (table, DESK_REPORT_ROW_NONE);
      desk_report_table_set_key (table, desk_record_get_uuid (affected));
      desk_report_table_add_enum (table, DESK_TYPE_RECIPIENT, DESK_RECIPIENT_CUSTOMER,
                                  desk_recipient_label (DESK_RECIPIENT_CUSTOMER));
      desk_report_table_add_text (table, desk_record_get_string (customer, "contract-id"));
      desk_report_table_add_text (table, desk_record_get_string (customer, "name"));
      desk_report_table_add_text (table, desk_record_get_string (customer, "account-manager"));
      desk_report_table_add_enum (table, DESK_TYPE_EXPOSURE, exposure,
                                  desk_exposure_label (exposure));
      desk_report_table_add_count (table, desk_customer_row_get_potential_accounts (row));
      desk_report_table_add_count (table, desk_customer_row_get_confirmed_accounts (row));
      add_notice_cells (table, (DeskRecord *) desk_customer_row_get_notification (row),
                        report->exported_at);
    }

  return TRUE;
}

/* Adds the notices not sent yet that have a deadline, soonest first, and counts the others. */
gboolean
_desk_report_add_pending_notices (DeskReport     *report,
                                  DeskStore      *store,
                                  DeskIncident   *incident,
                                  GError        **error)
{
  g_autoptr(DeskCustomerList) customers = NULL;
  g_autoptr(GPtrArray) others = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  g_autoptr(GString) text = g_string_new (NULL);
  DeskReportSection *section;
  DeskReportTable *table;
  guint n_customers, n_unlisted = 0, n_overdue = 0;

  if (!(others = list_other_notices (store, incident, error)) ||
      !(customers = load_customers (store, incident, DESK_NOTICE_FILTER_PENDING, error)))
    return FALSE;

  for (guint i = 0; i < others->len; i++)
    {
      Pending entry = { g_ptr_array_index (others, i), NULL, NULL };

      entry.recipient = notice_recipient (entry.notice);
      if (is_pending (entry.notice))
        g_array_append_val (pending, entry);
    }

  /* Customers on the ledger without a deadline are many, and the ledger lists them. */
  n_customers = g_list_model_get_n_items (G_LIST_MODEL (customers));
  for (guint i = 0; i < n_customers; i++)
    {
      DeskCustomerRow *row = g_list_model_get_item (G_LIST_MODEL (customers), i);
      DeskRecord *notice = (DeskRecord *) desk_customer_row_get_notification (row);
      DeskCustomer *customer = desk_customer_row_get_customer (row);
      Pending entry = { notice, desk_customer_get_display_name (customer),
                        desk_record_get_string (DESK_RECORD (customer), "contract-id") };

      g_ptr_array_add (rows, row);
      if (notice != NULL && desk_record_get_int (notice, "due-at") != 0)
        g_array_append_val (pending, entry);
      else
        n_unlisted++;
    }
  g_array_sort (pending, compare_pending);

  section = desk_report_add_section (report, "pending-notices", _("Notices not sent yet"));
  table = desk_report_section_add_table (section);
  desk_report_table_add_column (table, "recipient", C_("column", "Recipient"), DESK_REPORT_TEXT,
                                DESK_REPORT_COLUMN_NONE);
  desk_report_table_add_column (table, "contract_id", C_("column", "Contract"), DESK_REPORT_TEXT,
                                DESK_REPORT_COLUMN_NONE);
  desk_report_table_add_column (table, "channel", C_("column", "Channel"), DESK_REPORT_LABEL,
                                DESK_REPORT_COLUMN_NONE);
  desk_report_table_add_column (table, "status", C_("column", "Status"), DESK_REPORT_LABEL,
                                DESK_REPORT_COLUMN_NONE);
  desk_report_table_add_column (table, "due_at", C_("column", "Due"), DESK_REPORT_TIME,
                                DESK_REPORT_COLUMN_NONE);
  desk_report_table_add_column (table, "late", C_("column", "Late"), DESK_REPORT_FLAG,
                                DESK_REPORT_COLUMN_HIDDEN);
  desk_report_table_set_empty_text (table, _("No notice with a deadline is waiting."));

  for (guint i = 0; i < pending->len; i++)
    {
      const Pending *entry = &g_array_index (pending, Pending, i);
      gboolean late = is_late (entry->notice, report->exported_at);

      n_overdue += late;
      desk_report_table_begin_row (table, DESK_REPORT_ROW_NONE);
      desk_report_table_set_key (table, desk_record_get_uuid (entry->notice));
      desk_report_table_add_text (table, entry->recipient);
      desk_report_table_add_text (table, entry->contract);
      add_channel_cell (table, entry->notice);
      add_status_cell (table, entry->notice);
      add_due_cell (table, entry->notice, report->exported_at);
      desk_report_table_add_flag (table, late);
    }

  if (pending->len > 0)
    /* Translators: notices with a deadline not sent yet, e.g. "14 notices with a deadline are
     * not sent yet, 3 of them overdue." */
    g_string_append_printf (text, ngettext ("%u notice with a deadline is not sent yet, "
                                            "%u of them overdue.",
                                            "%u notices with a deadline are not sent yet, "
                                            "%u of them overdue.", pending->len),
                            pending->len, n_overdue);
  if (n_unlisted > 0)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      /* Translators: customer notices not sent yet that have no deadline */
      g_string_append_printf (text, ngettext ("%u more customer, without a deadline, is still "
                                              "to be told; the notification ledger lists it.",
                                              "%u more customers, without a deadline, are still "
                                              "to be told; the notification ledger lists them.",
                                              n_unlisted),
                              n_unlisted);
    }
  desk_report_section_set_text (section, text->str);

  return TRUE;
}

/* }}} */
