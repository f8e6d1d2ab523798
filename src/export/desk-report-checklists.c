/* desk-report-checklists.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The remediation checklists in a report: a section per checklist with its progress and items,
 * and the open items of all of them for the status report. Items are read checklist by checklist
 * from the live checklists: deleting a checklist only marks the checklist itself deleted, and
 * its items must go with it. */

#define G_LOG_DOMAIN "desk-report-checklists"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-labels.h"
#include "desk-remediation-text.h"
#include "desk-report-private.h"

typedef struct
{
  DeskRecord *item;
  DeskRecord *checklist;
  guint       order;      /* checklist by checklist, item by item */
} OpenItem;

/* Helpers {{{ */

/* Adds the item's due day, marked with how long it is overdue when it is. */
static void
add_due_cell (DeskReportTable *table,
              DeskRecord      *item,
              gint64           now)
{
  gint64 due_at = desk_record_get_int (item, "due-at");
  DeskItemStatus status = desk_record_get_enum (item, "status");
  gboolean overdue = desk_item_is_overdue (due_at, status, now);
  g_autofree char *remark = NULL;

  if (overdue)
    remark = desk_item_due_text (due_at, status, desk_record_get_int (item, "done-at"), now);
  desk_report_table_add_date (table, due_at, remark, overdue);
}

static void
add_status_cell (DeskReportTable *table,
                 DeskRecord      *item)
{
  DeskItemStatus status = desk_record_get_enum (item, "status");

  desk_report_table_add_enum (table, DESK_TYPE_ITEM_STATUS, status, desk_item_status_label (status));
}

static void
add_item_columns (DeskReportTable *table)
{
  desk_report_table_add_column (table, "number", C_("column", "#"), DESK_REPORT_COUNT,
                                DESK_REPORT_COLUMN_POSITION);
  desk_report_table_add_column (table, "text", C_("column", "Item"), DESK_REPORT_TEXT,
                                DESK_REPORT_COLUMN_NONE);
  desk_report_table_add_column (table, "owner", C_("column", "Owner"), DESK_REPORT_TEXT,
                                DESK_REPORT_COLUMN_NONE);
  desk_report_table_add_column (table, "due_at", C_("column", "Due"), DESK_REPORT_DATE,
                                DESK_REPORT_COLUMN_NONE);
  desk_report_table_add_column (table, "status", C_("column", "Status"), DESK_REPORT_LABEL,
                                DESK_REPORT_COLUMN_NONE);
  desk_report_table_add_column (table, "note", C_("column", "Note"), DESK_REPORT_TEXT,
                                DESK_REPORT_COLUMN_UNDER);
  desk_report_table_add_column (table, "done_at", C_("column", "Done"), DESK_REPORT_DATE,
                                DESK_REPORT_COLUMN_HIDDEN);
  desk_report_table_add_column (table, "overdue", C_("column", "Overdue"), DESK_REPORT_FLAG,
                                DESK_REPORT_COLUMN_HIDDEN);
  desk_report_table_add_column (table, "checklist", C_("column", "Checklist"), DESK_REPORT_TEXT,
                                DESK_REPORT_COLUMN_HIDDEN);
}

/* The incident's live checklists, or only @checklist when it is given. */
static GPtrArray *
list_checklists (DeskStore      *store,
                 DeskIncident   *incident,
                 DeskChecklist  *checklist,
                 GError        **error)
{
  GPtrArray *checklists;

  if (checklist == NULL)
    return desk_store_list (store, DESK_TYPE_CHECKLIST, "incident-id",
                            desk_record_get_id (DESK_RECORD (incident)), error);

  checklists = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (checklists, g_object_ref (checklist));
  return checklists;
}

static GPtrArray *
list_items (DeskStore   *store,
            DeskRecord  *checklist,
            GError     **error)
{
  return desk_store_list (store, DESK_TYPE_CHECKLIST_ITEM, "checklist-id",
                          desk_record_get_id (checklist), error);
}

static void
add_checklist_section (DeskReport *report,
                       DeskRecord *checklist,
                       GPtrArray  *items,
                       gint64      now)
{
  const char *title = desk_record_get_string (checklist, "title");
  DeskReportSection *section = desk_report_add_section (report, "checklist", title);
  DeskReportTable *facts = desk_report_section_get_facts (section);
  DeskReportTable *table = desk_report_section_add_table (section);
  g_autofree char *progress = NULL;
  guint n_complete = 0, n_overdue = 0;

  desk_report_section_set_uuid (section, desk_record_get_uuid (checklist));
  add_item_columns (table);
  desk_report_table_set_empty_text (table, _("No items yet"));

  for (guint i = 0; i < items->len; i++)
    {
      DeskRecord *item = g_ptr_array_index (items, i);
      DeskItemStatus status = desk_record_get_enum (item, "status");
      gboolean overdue = desk_item_is_overdue (desk_record_get_int (item, "due-at"), status, now);

      n_complete += desk_item_status_is_complete (status);
      n_overdue += overdue;

      desk_report_table_begin_row (table, DESK_REPORT_ROW_NONE);
      desk_report_table_set_key (table, desk_record_get_uuid (item));
      desk_report_table_add_count (table, i + 1);
      desk_report_table_add_text (table, desk_record_get_string (item, "text"));
      desk_report_table_add_text (table, desk_record_get_string (item, "owner"));
      add_due_cell (table, item, now);
      add_status_cell (table, item);
      desk_report_table_add_text (table, desk_record_get_string (item, "note"));
      desk_report_table_add_date (table, desk_record_get_int (item, "done-at"), NULL, FALSE);
      desk_report_table_add_flag (table, overdue);
      desk_report_table_add_text (table, title);
    }

  progress = desk_checklist_progress_text (n_complete, items->len);
  desk_report_table_add_column (facts, "progress", C_("fact", "Progress"), DESK_REPORT_TEXT,
                                DESK_REPORT_COLUMN_NONE);
  desk_report_table_add_text (facts, progress);
  desk_report_table_add_column (facts, "complete", C_("fact", "Complete"), DESK_REPORT_PERCENT,
                                DESK_REPORT_COLUMN_NONE);
  desk_report_table_add_percent (facts, n_complete, items->len);
  desk_report_table_add_column (facts, "overdue", C_("fact", "Overdue"), DESK_REPORT_COUNT,
                                DESK_REPORT_COLUMN_NONE);
  desk_report_table_add_count (facts, n_overdue);
  desk_report_table_add_column (facts, "done", C_("fact", "Done"), DESK_REPORT_COUNT,
                                DESK_REPORT_COLUMN_HIDDEN);
  desk_report_table_add_count (facts, n_complete);
  desk_report_table_add_column (facts, "items", C_("fact", "Items"), DESK_REPORT_COUNT,
                                DESK_REPORT_COLUMN_HIDDEN);
  desk_report_table_add_count (facts, items->len);
}

/* Open items by due time, those without one last; in checklist order otherwise. */
static int
compare_open_items (gconstpointer a,
                    gconstpointer b)
{
  const OpenItem *x = a, *y = b;
  gint64 dx = desk_record_get_int (x->item, "due-at");
  gint64 dy = desk_record_get_int (y->item, "due-at");

  if (dx != dy)
    {
      if (dx == 0 || dy == 0)
        return dx == 0 ? 1 : -1;
      return dx < dy ? -1 : 1;
    }

  return x->order < y->order ? -1 : x->order > y->order;
}

/* }}} */
/* Sections {{{ */

/* Adds a section per checklist: @checklist alone, or every live checklist of @incident. */
gboolean
_desk_report_add_checklists (DeskReport     *report,
                             DeskStore      *store,
                             DeskIncident   *incident,
                             DeskChecklist  *checklist,
                             GError        **error)
{
  g_autoptr(GPtrArray) checklists = NULL;
  DeskReportSection *section;

  if (!(checklists = list_checklists (store, incident, checklist, error)))
    return FALSE;

  for (guint i = 0; i < checklists->len; i++)
    {
      DeskRecord *record = g_ptr_array_index (checklists, i);
      g_autoptr(GPtrArray) items = NULL;

      if (!(items = list_items (store, record, error)))
        return FALSE;
      add_checklist_section (report, record, items, report->exported_at);
    }

  if (checklists->len > 0)
    return TRUE;

  /* The columns still go out, for a CSV file to have its header. */
  section = desk_report_add_section (report, "checklists", _("Checklists"));
  desk_report_section_set_text (section, _("The incident has no remediation checklists yet."));
  add_item_columns (desk_report_section_add_table (section));
  return TRUE;
}

/* Adds the items of all live checklists that are still to be done, soonest due first. */
gboolean
_desk_report_add_open_items (DeskReport     *report,
                             DeskStore      *store,
                             DeskIncident   *incident,
                             GError        **error)
{
  g_autoptr(GPtrArray) checklists = NULL;
  g_autoptr(GPtrArray) item_lists = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (OpenItem));
  g_autofree char *text = NULL;
  DeskReportSection *section;
  DeskReportTable *table;
  guint n_overdue = 0;

  if (!(checklists = list_checklists (store, incident, NULL, error)))
    return FALSE;

  for (guint i = 0; i < checklists->len; i++)
    {
      DeskRecord *checklist = g_ptr_array_index (checklists, i);
      GPtrArray *items;

      if (!(items = list_items (store, checklist, error)))
        return FALSE;
      g_ptr_array_add (item_lists, items);

      for (guint j = 0; j < items->len; j++)
        {
          OpenItem entry = { g_ptr_array_index (items, j), checklist, open->len };

          if (!desk_item_status_is_complete (desk_record_get_enum (entry.item, "status")))
            g_array_append_val (open, entry);
        }
    }
  g_array_sort (open, compare_open_items);

  section = desk_report_add_section (report, "open-items", _("Open checklist items"));
  table = desk_report_section_add_table (section);
  desk_report_table_add_column (table, "text", C_("column", "Item"), DESK_REPORT_TEXT,
                                DESK_REPORT_COLUMN_NONE);
  desk_report_table_add_column (table, "checklist", C_("column", "Checklist"), DESK_REPORT_TEXT,
                                DESK_REPORT_COLUMN_NONE);
  desk_report_table_add_column (table, "owner", C_("column", "Owner"), DESK_REPORT_TEXT,
                                DESK_REPORT_COLUMN_NONE);
  desk_report_table_add_column (table, "due_at", C_("column", "Due"), DESK_REPORT_DATE,
                                DESK_REPORT_COLUMN_NONE);
  desk_report_table_add_column (table, "status", C_("column", "Status"), DESK_REPORT_LABEL,
                                DESK_REPORT_COLUMN_NONE);
  desk_report_table_add_column (table, "overdue", C_("column", "Overdue"), DESK_REPORT_FLAG,
                                DESK_REPORT_COLUMN_HIDDEN);
  desk_report_table_set_empty_text (table, _("Every checklist item is done."));

  for (guint i = 0; i < open->len; i++)
    {
      const OpenItem *entry = &g_array_index (open, OpenItem, i);
      gboolean overdue = desk_item_is_overdue (desk_record_get_int (entry->item, "due-at"),
                                               desk_record_get_enum (entry->item, "status"),
                                               report->exported_at);

      n_overdue += overdue;
      desk_report_table_begin_row (table, DESK_REPORT_ROW_NONE);
      desk_report_table_set_key (table, desk_record_get_uuid (entry->item));
      desk_report_table_add_text (table, desk_record_get_string (entry->item, "text"));
      desk_report_table_add_text (table, desk_record_get_string (entry->checklist, "title"));
      desk_report_table_add_text (table, desk_record_get_string (entry->item, "owner"));
      add_due_cell (table, entry->item, report->exported_at);
      add_status_cell (table, entry->item);
      desk_report_table_add_flag (table, overdue);
    }

  if (open->len > 0)
    {
      /* Translators: the open checklist items of an incident, e.g. "12 open items, 3 overdue." */
      text = g_strdup_printf (ngettext ("%u open item, %u overdue.",
                                        "%u open items, %u overdue.", open->len),
                              open->len, n_overdue);
      desk_report_section_set_text (section, text);
    }

  return TRUE;
}

/* }}} */
