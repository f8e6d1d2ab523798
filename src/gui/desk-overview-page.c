/* desk-overview-page.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskOverviewPage is the first page of an incident: its key figures in large type, then every
 * field of the incident to edit, the figures announced before any list was imported, and the
 * breach categories.
 *
 * Edits persist at once (on "apply", a combo change, or when the summary loses the focus) and go
 * to the very DeskIncident object the sidebar shows, so the sidebar follows. The store's async
 * API saves a copy of a record and assigns the result back on completion; two saves of one
 * object in flight would therefore undo each other's changes for a moment. So the page queues
 * its edits and runs one at a time: an edit is applied to its record only when its turn comes,
 * and is undone on the record if saving fails. */

#define G_LOG_DOMAIN "desk-overview-page"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "desk-category-row.h"
#include "desk-date-time-row.h"
#include "desk-gui-utils.h"
#include "desk-labels.h"
#include "desk-overview-page-private.h"

struct _DeskOverviewPage
{
  DeskIncidentPage      parent_instance;

  /* Template widgets */
  GtkWidget            *content;
  GtkLabel             *potential_label;
  GtkWidget            *potential_estimate;
  GtkLabel             *confirmed_label;
  GtkWidget            *confirmed_estimate;
  GtkLabel             *unique_label;
  GtkLabel             *notified_label;
  AdwPreferencesGroup  *details_group;
  AdwEntryRow          *title_row;
  AdwEntryRow          *service_row;
  AdwComboRow          *status_row;
  AdwComboRow          *severity_row;
  DeskDateTimeRow      *occurred_row;
  DeskDateTimeRow      *detected_row;
  DeskDateTimeRow      *disclosed_row;
  AdwEntryRow          *cause_row;
  AdwEntryRow          *refs_row;
  GtkTextView          *summary_view;
  AdwEntryRow          *estimated_potential_row;
  AdwEntryRow          *estimated_confirmed_row;
  GtkWidget            *add_category_button;
  GtkListBox           *category_list;

  /* Owned */
  GListStore           *categories;         /* DeskCategory: the shown incident's */
  GSignalGroup         *incident_signals;
  DeskIncident         *shown;              /* the incident the widgets were filled from */
  DeskStats            *stats;              /* its latest figures; NULL until they arrive */
  GQueue                edits;              /* Edit: the head runs, the others wait */
  gint64                focus_category_id;  /* a new category whose row gets the focus */
  guint                 stats_serial;
  guint                 categories_serial;

  guint                 syncing : 1;        /* widgets are being filled from the incident */
  guint                 summary_dirty : 1;  /* the summary was typed in since it was filled */
  guint                 edit_running : 1;
  guint                 disposed : 1;
};

G_DEFINE_FINAL_TYPE (DeskOverviewPage, desk_overview_page, DESK_TYPE_INCIDENT_PAGE)

static void load_stats      (DeskOverviewPage *self);
static void load_categories (DeskOverviewPage *self);

/* Fields {{{ */

/* The incident's plain text fields and the rows that edit them. */
static AdwEntryRow *
text_row_for_field (DeskOverviewPage *self,
                    const char       *field)
{
  if (g_str_equal (field, "title"))
    return self->title_row;
  if (g_str_equal (field, "service"))
    return self->service_row;
  if (g_str_equal (field, "cause"))
    return self->cause_row;
  if (g_str_equal (field, "vulnerability-refs"))
    return self->refs_row;
  return NULL;
}

static const char *
field_for_text_row (DeskOverviewPage *self,
                    AdwEntryRow      *row)
{
  if (row == self->title_row)
    return "title";
  if (row == self->service_row)
    return "service";
  if (row == self->cause_row)
    return "cause";
  if (row == self->refs_row)
    return "vulnerability-refs";
  g_assert_not_reached ();
}

static DeskDateTimeRow *
time_row_for_field (DeskOverviewPage *self,
                    const char       *field)
{
  if (g_str_equal (field, "occurred-at"))
    return self->occurred_row;
  if (g_str_equal (field, "detected-at"))
    return self->detected_row;
  if (g_str_equal (field, "disclosed-at"))
    return self->disclosed_row;
  return NULL;
}

static const char *
field_for_time_row (DeskOverviewPage *self,
                    DeskDateTimeRow  *row)
{
  if (row == self->occurred_row)
    return "occurred-at";
  if (row == self->detected_row)
    return "detected-at";
  if (row == self->disclosed_row)
    return "disclosed-at";
  g_assert_not_reached ();
}

static AdwEntryRow *
count_row_for_field (DeskOverviewPage *self,
                     const char       *field)
{
  if (g_str_equal (field, "estimated-potential"))
    return self->estimated_potential_row;
  if (g_str_equal (field, "estimated-confirmed"))
    return self->estimated_confirmed_row;
  return NULL;
}

static const char *
field_for_count_row (DeskOverviewPage *self,
                     AdwEntryRow      *row)
{
  if (row == self->estimated_potential_row)
    return "estimated-potential";
  if (row == self->estimated_confirmed_row)
    return "estimated-confirmed";
  g_assert_not_reached ();
}

/* }}} */
/* Edit queue {{{ */

typedef enum
{
  EDIT_SET,       /* change fields of a stored record */
  EDIT_CREATE,    /* store a new record */
  EDIT_DELETE,
  EDIT_RESTORE,
} EditKind;

typedef struct _Edit Edit;

/* Called after @edit was stored, unless the page has gone meanwhile. */
typedef void (*EditDoneFunc) (DeskOverviewPage *self,
                              Edit             *edit);

typedef struct
{
  const char *name;   /* interned */
  GValue      value;
} FieldValue;

struct _Edit
{
  EditKind      kind;
  DeskStore    *store;
  DeskRecord   *record;
  DeskRecord   *backup;    /* EDIT_SET: the record before, restored if saving fails */
  GArray       *values;    /* EDIT_SET: FieldValue */
  const char   *failure;   /* what to say if it fails */
  EditDoneFunc  done;
};

static void
field_value_clear (gpointer data)
{
  FieldValue *field_value = data;

  g_value_unset (&field_value->value);
}

static Edit *
edit_new (EditKind      kind,
          DeskStore    *store,
          gpointer      record,
          const char   *failure,
          EditDoneFunc  done)
{
  Edit *edit = g_new0 (Edit, 1);

  edit->kind = kind;
  edit->store = g_object_ref (store);
  edit->record = g_object_ref (record);
  edit->failure = failure;
  edit->done = done;
  edit->values = g_array_new (FALSE, TRUE, sizeof (FieldValue));
  g_array_set_clear_func (edit->values, field_value_clear);
  return edit;
}

static void
edit_free (Edit *edit)
{
  g_clear_object (&edit->store);
  g_clear_object (&edit->record);
  g_clear_object (&edit->backup);
  g_clear_pointer (&edit->values, g_array_unref);
  g_free (edit);
}

static GValue *
edit_add_value (Edit       *edit,
                const char *name,
                GType       type)
{
  FieldValue field_value = { g_intern_string (name), G_VALUE_INIT };
  FieldValue *added;

  g_array_append_val (edit->values, field_value);
  added = &g_array_index (edit->values, FieldValue, edit->values->len - 1);
  g_value_init (&added->value, type);
  return &added->value;
}

static void
edit_set_string (Edit       *edit,
                 const char *name,
                 const char *value)
{
  g_value_set_string (edit_add_value (edit, name, G_TYPE_STRING), value);
}

static void
edit_set_int (Edit       *edit,
              const char *name,
              gint64      value)
{
  g_value_set_int64 (edit_add_value (edit, name, G_TYPE_INT64), value);
}

static void
edit_set_enum (Edit       *edit,
               const char *name,
               int         value)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (edit->record), name);

  g_assert (pspec != NULL);
  g_value_set_enum (edit_add_value (edit, name, pspec->value_type), value);
}

/* Puts the edit's values on its record. Returns: whether any of them differed. */
static gboolean
edit_apply (Edit *edit)
{
  GObject *record = G_OBJECT (edit->record);
  gboolean changed = FALSE;

  edit->backup = desk_record_copy (edit->record);

  for (guint i = 0; i < edit->values->len; i++)
    {
      FieldValue *field_value = &g_array_index (edit->values, FieldValue, i);
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record),
                                                        field_value->name);
      g_auto(GValue) current = G_VALUE_INIT;

      g_value_init (&current, pspec->value_type);
      g_object_get_property (record, field_value->name, &current);
      if (g_param_values_cmp (pspec, &current, &field_value->value) != 0)
        {
          g_object_set_property (record, field_value->name, &field_value->value);
          changed = TRUE;
        }
    }

  return changed;
}

static void run_edits (DeskOverviewPage *self);

static void
on_edit_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(DeskOverviewPage) self = user_data;
  g_autoptr(GError) error = NULL;
  Edit *edit = g_queue_pop_head (&self->edits);
  gboolean saved;

  g_assert (edit != NULL);

  if (edit->kind == EDIT_DELETE || edit->kind == EDIT_RESTORE)
    saved = desk_store_set_deleted_finish (DESK_STORE (object), result, &error);
  else
    saved = desk_store_save_finish (DESK_STORE (object), result, &error);

  if (!saved)
    {
      /* The record says again what the database holds. */
      if (edit->backup != NULL)
        desk_record_assign (edit->record, edit->backup);

      if (!self->disposed)
        desk_show_error (GTK_WIDGET (self), edit->failure, error);
      else
        g_warning ("%s: %s", edit->failure, error->message);
    }
  else if (edit->done != NULL && !self->disposed)
    edit->done (self, edit);

  edit_free (edit);
  self->edit_running = FALSE;
  run_edits (self);
}

/* Starts the edit at the head of the queue, skipping those that change nothing. Saves run
 * without the page's cancellable: an edit the person made is stored even if they move on to
 * another incident at once. */
static void
run_edits (DeskOverviewPage *self)
{
  Edit *edit;

  while (!self->edit_running && (edit = g_queue_peek_head (&self->edits)) != NULL)
    {
      switch (edit->kind)
        {
        case EDIT_SET:
          if (!edit_apply (edit))
            {
              edit_free (g_queue_pop_head (&self->edits));
              continue;
            }
          G_GNUC_FALLTHROUGH;
        case EDIT_CREATE:
          desk_store_save_async (edit->store, edit->record, NULL,
                                 on_edit_done_cb, g_object_ref (self));
          break;

        case EDIT_DELETE:
        case EDIT_RESTORE:
          desk_store_set_deleted_async (edit->store, edit->record, edit->kind == EDIT_DELETE, NULL,
                                        on_edit_done_cb, g_object_ref (self));
          break;

        default:
          g_assert_not_reached ();
        }

      self->edit_running = TRUE;
    }
}

static void
queue_edit (DeskOverviewPage *self,
            Edit             *edit)
{
  g_queue_push_tail (&self->edits, edit);
  run_edits (self);
}

/* An edit of the shown incident's fields, or NULL when there is nothing to edit. */
static Edit *
incident_edit_new (DeskOverviewPage *self,
                   EditDoneFunc      done)
{
  DeskStore *store = desk_incident_page_get_store (DESK_INCIDENT_PAGE (self));

  if (store == NULL || self->shown == NULL || self->syncing)
    return NULL;

  return edit_new (EDIT_SET, store, self->shown, _("Could not save the incident"), done);
}

/* Whether @record belongs to the incident the page shows now. */
static gboolean
is_current (DeskOverviewPage *self,
            DeskRecord       *record)
{
  gint64 incident_id = desk_incident_page_get_incident_id (DESK_INCIDENT_PAGE (self));

  if (incident_id == 0)
    return FALSE;
  if (DESK_IS_INCIDENT (record))
    return desk_record_get_id (record) == incident_id;
  return desk_record_get_int (record, "incident-id") == incident_id;
}

/* }}} */
/* Helpers {{{ */

static void
set_row_invalid (GtkWidget  *row,
                 const char *message)
{
  if (message != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (message, -1);

      gtk_widget_add_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      /* The toast title is markup on libadwaita 1.2. */
      desk_show_toast (row, escaped);
    }
  else if (gtk_widget_has_css_class (row, "error"))
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, NULL);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
set_editable_text (GtkEditable *editable,
                   const char  *text)
{
  if (text == NULL)
    text = "";

  if (g_strcmp0 (gtk_editable_get_text (editable), text) != 0)
    gtk_editable_set_text (editable, text);
}

static char *
format_estimate (gint64 count)
{
  return count > 0 ? desk_format_count (count) : g_strdup ("");
}

static GTimeZone *
incident_time_zone (DeskIncident *incident)
{
  const char *identifier = NULL;

  if (incident != NULL)
    identifier = desk_record_get_string (DESK_RECORD (incident), "time-zone");

  if (identifier == NULL || *identifier == '\0')
    return NULL;

  return g_time_zone_new_identifier (identifier);
}

static void
sync_time_zone (DeskOverviewPage *self)
{
  g_autoptr(GTimeZone) zone = incident_time_zone (self->shown);
  g_autofree char *description = NULL;

  desk_date_time_row_set_time_zone (self->occurred_row, zone);
  desk_date_time_row_set_time_zone (self->detected_row, zone);
  desk_date_time_row_set_time_zone (self->disclosed_row, zone);

  if (zone != NULL)
    /* Translators: %s is a time zone, e.g. "Asia/Tokyo" */
    description = g_strdup_printf (_("Times are in the %s time zone unless they name another"),
                                   g_time_zone_get_identifier (zone));
  adw_preferences_group_set_description (self->details_group, description);
}

static void
sync_summary (DeskOverviewPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  const char *summary = NULL;

  if (self->shown != NULL)
    summary = desk_record_get_string (DESK_RECORD (self->shown), "summary");

  gtk_text_buffer_set_text (buffer, summary ? summary : "", -1);
  self->summary_dirty = FALSE;
}

/* Shows @field of the shown incident in its widget; NULL: every field. */
static void
sync_field (DeskOverviewPage *self,
            const char       *field)
{
  DeskRecord *record = self->shown ? DESK_RECORD (self->shown) : NULL;
  gboolean all = field == NULL;
  gboolean was_syncing = self->syncing;
  static const char * const text_fields[] = { "title", "service", "cause", "vulnerability-refs" };
  static const char * const time_fields[] = { "occurred-at", "detected-at", "disclosed-at" };
  static const char * const count_fields[] = { "estimated-potential", "estimated-confirmed" };

  self->syncing = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    if (all || g_str_equal (field, text_fields[i]))
      set_editable_text (GTK_EDITABLE (text_row_for_field (self, text_fields[i])),
                         record ? desk_record_get_string (record, text_fields[i]) : NULL);

  for (guint i = 0; i < G_N_ELEMENTS (time_fields); i++)
    if (all || g_str_equal (field, time_fields[i]))
      desk_date_time_row_set_time (time_row_for_field (self, time_fields[i]),
                                   record ? desk_record_get_int (record, time_fields[i]) : 0);

  for (guint i = 0; i < G_N_ELEMENTS (count_fields); i++)
    if (all || g_str_equal (field, count_fields[i]))
      {
        g_autofree char *text = format_estimate (record ? desk_record_get_int (record,
                                                                               count_fields[i])
                                                        : 0);

        set_editable_text (GTK_EDITABLE (count_row_for_field (self, count_fields[i])), text);
      }

  if (all || g_str_equal (field, "status"))
    adw_combo_row_set_selected (self->status_row,
                                record ? (guint) desk_record_get_enum (record, "status") : 0);

  if (all || g_str_equal (field, "severity"))
    adw_combo_row_set_selected (self->severity_row,
                                record ? (guint) desk_record_get_enum (record, "severity")
                                       : DESK_SEVERITY_MEDIUM);

  if (all || g_str_equal (field, "time-zone"))
    sync_time_zone (self);

  /* Typing in progress wins over a change from elsewhere; it is saved when the focus leaves. */
  if ((all || g_str_equal (field, "summary")) && (all || !self->summary_dirty))
    sync_summary (self);

  self->syncing = was_syncing;
}

/* Saves the summary typed for the incident the text view shows, if it was edited. */
static void
flush_summary (DeskOverviewPage *self)
{
  g_autofree char *text = NULL;
  g_autofree char *stripped = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  Edit *edit;

  if (!self->summary_dirty)
    return;

  self->summary_dirty = FALSE;

  if ((edit = incident_edit_new (self, NULL)) == NULL)
    return;

  buffer = gtk_text_view_get_buffer (self->summary_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  stripped = g_strstrip (g_strdup (text));

  /* Keep the person's line breaks and spacing; only an empty summary becomes "none". */
  edit_set_string (edit, "summary", *stripped != '\0' ? text : NULL);
  queue_edit (self, edit);
}

static void
set_figure (GtkLabel  *label,
            GtkWidget *estimate_tag,
            gint64     counted,
            gint64     estimated)
{
  /* Until account lists are imported, the figure announced for the incident stands in. */
  gboolean use_estimate = counted == 0 && estimated > 0;
  g_autofree char *text = desk_format_count (use_estimate ? estimated : counted);

  gtk_label_set_label (label, text);
  if (estimate_tag != NULL)
    gtk_widget_set_visible (estimate_tag, use_estimate);
}

static void
update_category_counts (DeskOverviewPage *self)
{
  GtkWidget *child;

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->category_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      DeskCategory *category;
      gint64 contracts = -1;

      if (!DESK_IS_CATEGORY_ROW (child))
        continue;

      category = desk_category_row_get_category (DESK_CATEGORY_ROW (child));
      for (guint i = 0; self->stats != NULL && i < self->stats->categories->len; i++)
        {
          DeskCategoryCount *count = g_ptr_array_index (self->stats->categories, i);

          if (g_strcmp0 (count->uuid, desk_record_get_uuid (DESK_RECORD (category))) == 0)
            contracts = count->contracts;
        }

      desk_category_row_set_contracts (DESK_CATEGORY_ROW (child), contracts);
    }
}

static void
show_stats (DeskOverviewPage *self,
            DeskStats        *stats)
{
  /* Translators: shown in place of a figure that is still being counted */
  const char *pending = C_("figure", "—");

  g_clear_pointer (&self->stats, desk_stats_free);
  self->stats = stats;

  if (stats == NULL)
    {
      gtk_label_set_label (self->potential_label, pending);
      gtk_label_set_label (self->confirmed_label, pending);
      gtk_label_set_label (self->unique_label, pending);
      gtk_label_set_label (self->notified_label, pending);
      gtk_widget_set_visible (self->potential_estimate, FALSE);
      gtk_widget_set_visible (self->confirmed_estimate, FALSE);
    }
  else
    {
      g_autofree char *notified = desk_format_count (stats->customers_notified);
      g_autofree char *to_notify = desk_format_count (stats->customers_to_notify);
      g_autofree char *notified_text = NULL;

      set_figure (self->potential_label, self->potential_estimate,
                  stats->potential_accounts, stats->estimated_potential);
      set_figure (self->confirmed_label, self->confirmed_estimate,
                  stats->confirmed_accounts, stats->estimated_confirmed);
      set_figure (self->unique_label, NULL, stats->contracts_unique, 0);

      /* Translators: customers notified of customers to notify, e.g. "412 of 606" */
      notified_text = g_strdup_printf (_("%s of %s"), notified, to_notify);
      gtk_label_set_label (self->notified_label, notified_text);
    }

  update_category_counts (self);
}

typedef struct
{
  DeskOverviewPage *self;
  guint             frames;
  float             y;
  float             height;
} FocusRequest;

/* The scrolled window brings the focus into view, but a row just added gets its final place
 * only after a layout or two: focusing it before would scroll to where it was first put. */
static gboolean
focus_row_cb (GtkWidget     *row,
              GdkFrameClock *frame_clock,
              gpointer       user_data)
{
  FocusRequest *request = user_data;
  graphene_rect_t bounds;
  gboolean settled = FALSE;

  if (gtk_widget_compute_bounds (row, request->self->content, &bounds))
    {
      settled = bounds.size.height > 0
                && bounds.origin.y == request->y && bounds.size.height == request->height;
      request->y = bounds.origin.y;
      request->height = bounds.size.height;
    }

  if (!settled && ++request->frames < 30)
    return G_SOURCE_CONTINUE;

  gtk_widget_grab_focus (row);
  return G_SOURCE_REMOVE;
}

static void
focus_row (DeskOverviewPage *self,
           GtkWidget        *row)
{
  FocusRequest *request = g_new0 (FocusRequest, 1);

  request->self = self;
  gtk_widget_add_tick_callback (row, focus_row_cb, request, g_free);
}

static guint
find_category (DeskOverviewPage *self,
               gint64            id)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->categories));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(DeskRecord) category = g_list_model_get_item (G_LIST_MODEL (self->categories), i);

      if (desk_record_get_id (category) == id)
        return i;
    }

  return G_MAXUINT;
}

static void
show_categories (DeskOverviewPage *self,
                 GPtrArray        *records)
{
  GListModel *model = G_LIST_MODEL (self->categories);
  guint n_items = g_list_model_get_n_items (model);
  gboolean same = n_items == records->len;
  guint position;

  for (guint i = 0; same && i < n_items; i++)
    {
      g_autoptr(DeskRecord) shown = g_list_model_get_item (model, i);

      same = desk_record_get_id (shown) == desk_record_get_id (g_ptr_array_index (records, i));
    }

  if (same)
    {
      /* Keep the rows, and whatever is being typed in them: only names change. */
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(DeskRecord) shown = g_list_model_get_item (model, i);

          desk_record_assign (shown, g_ptr_array_index (records, i));
        }
    }
  else
    g_list_store_splice (self->categories, 0, n_items, records->pdata, records->len);

  update_category_counts (self);

  if (self->focus_category_id != 0
      && (position = find_category (self, self->focus_category_id)) != G_MAXUINT)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->category_list, (int) position);

      self->focus_category_id = 0;
      if (row != NULL)
        focus_row (self, GTK_WIDGET (row));
    }
}

/* }}} */
/* Loading {{{ */

typedef struct
{
  DeskOverviewPage *self;
  guint             serial;
} Request;

static Request *
request_new (DeskOverviewPage *self,
             guint             serial)
{
  Request *request = g_new0 (Request, 1);

  request->self = g_object_ref (self);
  request->serial = serial;
  return request;
}

static void
request_free (Request *request)
{
  g_clear_object (&request->self);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

static void
on_stats_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  DeskOverviewPage *self = request->self;
  g_autoptr(DeskStats) stats = NULL;
  g_autoptr(GError) error = NULL;

  stats = desk_store_get_stats_finish (DESK_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* A later request is under way: its answer is the newer one. */
  if (request->serial == self->stats_serial)
    {
      if (stats == NULL)
        desk_show_error (GTK_WIDGET (self), _("Could not count the incident’s figures"), error);
      else
        show_stats (self, g_steal_pointer (&stats));
    }

  desk_incident_page_end_loading (DESK_INCIDENT_PAGE (self));
}

static void
load_stats (DeskOverviewPage *self)
{
  DeskIncidentPage *page = DESK_INCIDENT_PAGE (self);
  DeskStore *store = desk_incident_page_get_store (page);
  gint64 incident_id = desk_incident_page_get_incident_id (page);

  if (store == NULL || incident_id == 0)
    return;

  desk_incident_page_begin_loading (page);
  desk_store_get_stats_async (store, incident_id,
                              desk_incident_page_get_cancellable (page),
                              on_stats_loaded_cb,
                              request_new (self, ++self->stats_serial));
}

static void
on_categories_loaded_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  DeskOverviewPage *self = request->self;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  records = desk_store_list_finish (DESK_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (request->serial == self->categories_serial)
    {
      if (records == NULL)
        desk_show_error (GTK_WIDGET (self), _("Could not read the breach categories"), error);
      else
        show_categories (self, records);
    }

  desk_incident_page_end_loading (DESK_INCIDENT_PAGE (self));
}

static void
load_categories (DeskOverviewPage *self)
{
  DeskIncidentPage *page = DESK_INCIDENT_PAGE (self);
  DeskStore *store = desk_incident_page_get_store (page);
  gint64 incident_id = desk_incident_page_get_incident_id (page);

  if (store == NULL || incident_id == 0)
    return;

  desk_incident_page_begin_loading (page);
  desk_store_list_async (store, DESK_TYPE_CATEGORY, "incident-id", incident_id,
                         desk_incident_page_get_cancellable (page),
                         on_categories_loaded_cb,
                         request_new (self, ++self->categories_serial));
}

/* }}} */
/* Categories {{{ */

static void
on_category_changed_cb (DeskOverviewPage *self,
                        Edit             *edit)
{
  if (!is_current (self, edit->record))
    return;

  load_categories (self);
  load_stats (self);
}

static void
on_category_created_cb (DeskOverviewPage *self,
                        Edit             *edit)
{
  if (!is_current (self, edit->record))
    return;

  self->focus_category_id = desk_record_get_id (edit->record);
  on_category_changed_cb (self, edit);
}

typedef struct
{
  GWeakRef      page;
  DeskStore    *store;
  DeskCategory *category;
} Removal;

static Removal *
removal_new (DeskOverviewPage *self,
             DeskStore        *store,
             DeskCategory     *category)
{
  Removal *removal = g_new0 (Removal, 1);

  g_weak_ref_init (&removal->page, self);
  removal->store = g_object_ref (store);
  removal->category = g_object_ref (category);
  return removal;
}

static void
removal_free (gpointer data)
{
  Removal *removal = data;

  g_weak_ref_clear (&removal->page);
  g_clear_object (&removal->store);
  g_clear_object (&removal->category);
  g_free (removal);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Removal, removal_free)

static void
undo_removal (gpointer user_data)
{
  Removal *removal = user_data;
  g_autoptr(DeskOverviewPage) self = g_weak_ref_get (&removal->page);

  if (self != NULL && !self->disposed)
    queue_edit (self, edit_new (EDIT_RESTORE, removal->store, removal->category,
                                _("Could not restore the breach category"),
                                on_category_changed_cb));
  else
    desk_store_set_deleted_async (removal->store, DESK_RECORD (removal->category), FALSE, NULL,
                                  NULL, NULL);
}

static void
on_category_deleted_cb (DeskOverviewPage *self,
                        Edit             *edit)
{
  const char *name = desk_record_get_string (edit->record, "name");
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  guint position;

  if (is_current (self, edit->record))
    {
      position = find_category (self, desk_record_get_id (edit->record));
      if (position != G_MAXUINT)
        g_list_store_remove (self->categories, position);
      on_category_changed_cb (self, edit);
    }

  /* Translators: a toast; %s is the name of a breach category */
  title = g_strdup_printf (_("“%s” removed"), name ? name : "");
  escaped = g_markup_escape_text (title, -1);
  desk_show_undo_toast (GTK_WIDGET (self), escaped, undo_removal,
                        removal_new (self, edit->store, DESK_CATEGORY (edit->record)),
                        removal_free);
}

static void
remove_category (DeskOverviewPage *self,
                 DeskCategory     *category)
{
  DeskStore *store = desk_incident_page_get_store (DESK_INCIDENT_PAGE (self));

  if (store == NULL)
    return;

  queue_edit (self, edit_new (EDIT_DELETE, store, category,
                              _("Could not remove the breach category"),
                              on_category_deleted_cb));
}

static void
on_remove_confirmed_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(Removal) removal = user_data;
  g_autoptr(DeskOverviewPage) self = g_weak_ref_get (&removal->page);

  if (desk_confirm_finish (result, NULL) && self != NULL && !self->disposed)
    remove_category (self, removal->category);
}

static void
on_category_remove_requested_cb (DeskOverviewPage *self,
                                 DeskCategoryRow  *row)
{
  DeskIncidentPage *page = DESK_INCIDENT_PAGE (self);
  DeskStore *store = desk_incident_page_get_store (page);
  DeskCategory *category = desk_category_row_get_category (row);
  gint64 contracts = desk_category_row_get_contracts (row);
  const char *name = desk_record_get_string (DESK_RECORD (category), "name");
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *count = NULL;

  if (store == NULL)
    return;

  if (contracts <= 0)
    {
      remove_category (self, category);
      return;
    }

  count = desk_format_count (contracts);
  /* Translators: %s is the name of a breach category */
  heading = g_strdup_printf (_("Remove “%s”?"), name ? name : "");
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s confirmed contract is in this category. It stays "
                                       "affected, but no longer counts in this category.",
                                       "%s confirmed contracts are in this category. They stay "
                                       "affected, but no longer count in this category.",
                                       (gulong) contracts),
                          count);
  desk_confirm_async (GTK_WIDGET (self), heading, body, _("_Remove"),
                      desk_incident_page_get_cancellable (page),
                      on_remove_confirmed_cb,
                      removal_new (self, store, category));
}

static void
on_category_row_applied_cb (DeskOverviewPage *self,
                            DeskCategoryRow  *row)
{
  DeskStore *store = desk_incident_page_get_store (DESK_INCIDENT_PAGE (self));
  g_autofree char *name = desk_category_row_dup_name (row);
  g_autofree char *escaped = NULL;
  Edit *edit;

  if (store == NULL)
    return;

  if (*name == '\0')
    {
      const char *message = _("A breach category needs a name");

      desk_category_row_set_invalid (row, message);
      escaped = g_markup_escape_text (message, -1);
      desk_show_toast (GTK_WIDGET (self), escaped);
      return;
    }

  edit = edit_new (EDIT_SET, store, desk_category_row_get_category (row),
                   _("Could not rename the breach category"), NULL);
  edit_set_string (edit, "name", name);
  queue_edit (self, edit);
  set_editable_text (GTK_EDITABLE (row), name);
}

static GtkWidget *
create_category_row (gpointer item,
                     gpointer user_data)
{
  DeskOverviewPage *self = user_data;
  GtkWidget *row = desk_category_row_new (DESK_CATEGORY (item));

  g_signal_connect_object (row, "apply", G_CALLBACK (on_category_row_applied_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove-requested", G_CALLBACK (on_category_remove_requested_cb),
                           self, G_CONNECT_SWAPPED);
  return row;
}

static gint64
next_category_position (DeskOverviewPage *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->categories));
  gint64 position = 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(DeskRecord) category = g_list_model_get_item (G_LIST_MODEL (self->categories), i);

      position = MAX (position, desk_record_get_int (category, "position") + 1);
    }

  return position;
}

/* }}} */
/* Callbacks {{{ */

static void
on_add_category_clicked_cb (DeskOverviewPage *self)
{
  DeskStore *store = desk_incident_page_get_store (DESK_INCIDENT_PAGE (self));
  g_autoptr(DeskCategory) category = NULL;

  if (store == NULL || self->shown == NULL)
    return;

  category = desk_category_new (self->shown, _("New Category"));
  /* After the others, rather than among those at position 0. */
  desk_record_set_int (DESK_RECORD (category), "position", next_category_position (self));
  queue_edit (self, edit_new (EDIT_CREATE, store, category,
                              _("Could not add the breach category"),
                              on_category_created_cb));
}

static void
on_text_row_applied_cb (DeskOverviewPage *self,
                        AdwEntryRow      *row)
{
  const char *field = field_for_text_row (self, row);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  Edit *edit;

  if (g_str_equal (field, "title") && *text == '\0')
    {
      set_row_invalid (GTK_WIDGET (row), _("An incident needs a title"));
      return;
    }

  if ((edit = incident_edit_new (self, NULL)) == NULL)
    return;

  edit_set_string (edit, field, *text != '\0' ? text : NULL);
  queue_edit (self, edit);
  set_editable_text (GTK_EDITABLE (row), text);
}

static void
on_row_changed_cb (DeskOverviewPage *self,
                   GtkWidget        *row)
{
  set_row_invalid (row, NULL);
}

static void
on_estimate_saved_cb (DeskOverviewPage *self,
                      Edit             *edit)
{
  if (is_current (self, edit->record))
    load_stats (self);
}

static void
on_count_row_applied_cb (DeskOverviewPage *self,
                         AdwEntryRow      *row)
{
  const char *field = field_for_count_row (self, row);
  g_autofree char *text = NULL;
  gint64 count;
  Edit *edit;

  if (!_desk_overview_page_parse_count (gtk_editable_get_text (GTK_EDITABLE (row)), &count))
    {
      set_row_invalid (GTK_WIDGET (row),
                       _("Enter a whole number of accounts, such as 4,072,650, or nothing"));
      return;
    }

  if ((edit = incident_edit_new (self, on_estimate_saved_cb)) == NULL)
    return;

  edit_set_int (edit, field, count);
  queue_edit (self, edit);

  text = format_estimate (count);
  set_editable_text (GTK_EDITABLE (row), text);
}

static void
on_time_row_applied_cb (DeskOverviewPage *self,
                        DeskDateTimeRow  *row)
{
  Edit *edit = incident_edit_new (self, NULL);

  if (edit == NULL)
    return;

  edit_set_int (edit, field_for_time_row (self, row), desk_date_time_row_get_time (row));
  queue_edit (self, edit);
}

static void
on_status_selected_cb (DeskOverviewPage *self)
{
  guint status = adw_combo_row_get_selected (self->status_row);
  Edit *edit;

  if (status == GTK_INVALID_LIST_POSITION || (edit = incident_edit_new (self, NULL)) == NULL)
    return;

  edit_set_enum (edit, "status", (int) status);

  /* The closing time is the first time it was closed; a reopened incident keeps it. */
  if (status == DESK_INCIDENT_STATUS_CLOSED
      && desk_record_get_int (DESK_RECORD (self->shown), "closed-at") == 0)
    edit_set_int (edit, "closed-at", desk_store_now (edit->store));

  queue_edit (self, edit);
}

static void
on_severity_selected_cb (DeskOverviewPage *self)
{
  guint severity = adw_combo_row_get_selected (self->severity_row);
  Edit *edit;

  if (severity == GTK_INVALID_LIST_POSITION || (edit = incident_edit_new (self, NULL)) == NULL)
    return;

  edit_set_enum (edit, "severity", (int) severity);
  queue_edit (self, edit);
}

static void
on_summary_changed_cb (DeskOverviewPage *self)
{
  if (!self->syncing)
    self->summary_dirty = TRUE;
}

static void
on_summary_focus_left_cb (DeskOverviewPage *self)
{
  flush_summary (self);
}

static void
on_incident_notify_cb (DeskOverviewPage *self,
                       GParamSpec       *pspec,
                       DeskIncident     *incident)
{
  /* Only fields: the times a save stamps on the record must not reset rows being typed in. */
  if (desk_record_class_find_field (DESK_RECORD_GET_CLASS (incident), pspec->name) != NULL)
    sync_field (self, pspec->name);
}

/* }}} */
/* DeskIncidentPage {{{ */

static void
desk_overview_page_reload (DeskIncidentPage *page)
{
  DeskOverviewPage *self = DESK_OVERVIEW_PAGE (page);
  DeskIncident *incident = desk_incident_page_get_incident (page);

  if (self->disposed)
    return;

  if (incident != self->shown)
    {
      /* What was typed belongs to the incident it was typed for. */
      flush_summary (self);

      g_set_object (&self->shown, incident);
      g_signal_group_set_target (self->incident_signals, incident);
      sync_field (self, NULL);

      self->focus_category_id = 0;
      g_list_store_remove_all (self->categories);
      show_stats (self, NULL);
      gtk_widget_set_sensitive (self->content, incident != NULL);
    }

  load_stats (self);
  load_categories (self);
}

/* }}} */
/* GObject {{{ */

static void
desk_overview_page_dispose (GObject *object)
{
  DeskOverviewPage *self = DESK_OVERVIEW_PAGE (object);

  if (!self->disposed)
    flush_summary (self);
  self->disposed = TRUE;

  if (self->incident_signals != NULL)
    g_signal_group_set_target (self->incident_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_OVERVIEW_PAGE);

  g_clear_object (&self->incident_signals);
  g_clear_object (&self->categories);
  g_clear_object (&self->shown);
  g_clear_pointer (&self->stats, desk_stats_free);

  G_OBJECT_CLASS (desk_overview_page_parent_class)->dispose (object);
}

static void
desk_overview_page_finalize (GObject *object)
{
  DeskOverviewPage *self = DESK_OVERVIEW_PAGE (object);

  /* Each running edit holds a reference: none can be left. */
  g_assert (g_queue_is_empty (&self->edits));

  G_OBJECT_CLASS (desk_overview_page_parent_class)->finalize (object);
}

static void
desk_overview_page_class_init (DeskOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DeskIncidentPageClass *page_class = DESK_INCIDENT_PAGE_CLASS (klass);

  object_class->dispose = desk_overview_page_dispose;
  object_class->finalize = desk_overview_page_finalize;

  page_class->reload = desk_overview_page_reload;

  g_type_ensure (DESK_TYPE_DATE_TIME_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/desk-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskOverviewPage, content);
  gtk_widget_class_bind_template_child (widget_class, DeskOverviewPage, potential_label);
  gtk_widget_class_bind_template_child (widget_class, DeskOverviewPage, potential_estimate);
  gtk_widget_class_bind_template_child (widget_class, DeskOverviewPage, confirmed_label);
  gtk_widget_class_bind_template_child (widget_class, DeskOverviewPage, confirmed_estimate);
  gtk_widget_class_bind_template_child (widget_class, DeskOverviewPage, unique_label);
  gtk_widget_class_bind_template_child (widget_class, DeskOverviewPage, notified_label);
  gtk_widget_class_bind_template_child (widget_class, DeskOverviewPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, DeskOverviewPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, DeskOverviewPage, service_row);
  gtk_widget_class_bind_template_child (widget_class, DeskOverviewPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, DeskOverviewPage, severity_row);
  gtk_widget_class_bind_template_child (widget_class, DeskOverviewPage, occurred_row);
  gtk_widget_class_bind_template_child (widget_class, DeskOverviewPage, detected_row);
  gtk_widget_class_bind_template_child (widget_class, DeskOverviewPage, disclosed_row);
  gtk_widget_class_bind_template_child (widget_class, DeskOverviewPage, cause_row);
  gtk_widget_class_bind_template_child (widget_class, DeskOverviewPage, refs_row);
  gtk_widget_class_bind_template_child (widget_class, DeskOverviewPage, summary_view);
  gtk_widget_class_bind_template_child (widget_class, DeskOverviewPage, estimated_potential_row);
  gtk_widget_class_bind_template_child (widget_class, DeskOverviewPage, estimated_confirmed_row);
  gtk_widget_class_bind_template_child (widget_class, DeskOverviewPage, add_category_button);
  gtk_widget_class_bind_template_child (widget_class, DeskOverviewPage, category_list);
  gtk_widget_class_bind_template_callback (widget_class, on_add_category_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_text_row_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_count_row_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_time_row_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_severity_selected_cb);
}

static void
desk_overview_page_init (DeskOverviewPage *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) severities = gtk_string_list_new (NULL);
  GtkEventController *focus;

  g_queue_init (&self->edits);

  /* Filled before the template connects the combos' handlers, and with syncing on while the
   * template sets the models, so that nothing here counts as the person's choice. */
  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  for (int status = DESK_INCIDENT_STATUS_DETECTED; status <= DESK_INCIDENT_STATUS_CLOSED; status++)
    gtk_string_list_append (statuses, desk_incident_status_label (status));
  for (int severity = DESK_SEVERITY_LOW; severity <= DESK_SEVERITY_CRITICAL; severity++)
    gtk_string_list_append (severities, desk_severity_label (severity));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  adw_combo_row_set_model (self->severity_row, G_LIST_MODEL (severities));

  g_signal_connect_object (gtk_text_view_get_buffer (self->summary_view), "changed",
                           G_CALLBACK (on_summary_changed_cb), self, G_CONNECT_SWAPPED);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_summary_focus_left_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->summary_view), focus);

  self->categories = g_list_store_new (DESK_TYPE_CATEGORY);
  gtk_list_box_bind_model (self->category_list, G_LIST_MODEL (self->categories),
                           create_category_row, self, NULL);

  self->incident_signals = g_signal_group_new (DESK_TYPE_INCIDENT);
  g_signal_group_connect_object (self->incident_signals, "notify",
                                 G_CALLBACK (on_incident_notify_cb), self, G_CONNECT_SWAPPED);

  sync_field (self, NULL);
  show_stats (self, NULL);
  gtk_widget_set_sensitive (self->content, FALSE);
  self->syncing = FALSE;
}

/* }}} */
/* Internal API {{{ */

static gboolean
is_group_separator (gunichar c)
{
  const char *locale_separator = localeconv ()->thousands_sep;

  switch (c)
    {
    case ',':
    case '.':
    case ' ':
    case '\'':
    case 0x00A0:   /* no-break space */
    case 0x2009:   /* thin space */
    case 0x202F:   /* narrow no-break space */
    case 0x066C:   /* Arabic thousands separator */
    case 0xFF0C:   /* fullwidth comma */
      return TRUE;
    default:
      return locale_separator != NULL && *locale_separator != '\0'
             && g_utf8_validate (locale_separator, -1, NULL)
             && c == g_utf8_get_char (locale_separator);
    }
}

/**
 * _desk_overview_page_parse_count:
 * @text: a count as a person types it: "4072650", "4,072,650", "4 072 650", or in fullwidth
 *   digits; empty for none
 * @count: (out): the count, 0 for empty text
 *
 * Digit groups must be of three after the first, with one separator throughout, so that "1.5"
 * or "4,07" is refused rather than read as 15 or 407.
 *
 * Returns: whether @text is a non-negative whole number (or empty)
 */
gboolean
_desk_overview_page_parse_count (const char *text,
                                 gint64     *count)
{
  g_autofree char *stripped = NULL;
  gunichar separator = 0;
  guint group = 0;
  gint64 value = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (count != NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    {
      *count = 0;
      return TRUE;
    }

  for (const char *p = stripped; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int digit = g_unichar_digit_value (c);

      if (digit >= 0)
        {
          if (value > (G_MAXINT64 - digit) / 10)
            return FALSE;
          value = value * 10 + digit;
          group++;
        }
      else if (is_group_separator (c) && group > 0)
        {
          if (separator == 0 && group > 3)
            return FALSE;
          if (separator != 0 && (c != separator || group != 3))
            return FALSE;
          separator = c;
          group = 0;
        }
      else
        return FALSE;
    }

  if (group == 0 || (separator != 0 && group != 3))
    return FALSE;

  *count = value;
  return TRUE;
}

/* Returns: (transfer none): the text of the figure card @name */
const char *
_desk_overview_page_get_figure (DeskOverviewPage *self,
                                const char       *name)
{
  g_return_val_if_fail (DESK_IS_OVERVIEW_PAGE (self), NULL);

  if (g_str_equal (name, "potential"))
    return gtk_label_get_label (self->potential_label);
  if (g_str_equal (name, "confirmed"))
    return gtk_label_get_label (self->confirmed_label);
  if (g_str_equal (name, "unique"))
    return gtk_label_get_label (self->unique_label);
  if (g_str_equal (name, "notified"))
    return gtk_label_get_label (self->notified_label);
  g_return_val_if_reached (NULL);
}

gboolean
_desk_overview_page_figure_is_estimate (DeskOverviewPage *self,
                                        const char       *name)
{
  g_return_val_if_fail (DESK_IS_OVERVIEW_PAGE (self), FALSE);

  if (g_str_equal (name, "potential"))
    return gtk_widget_get_visible (self->potential_estimate);
  if (g_str_equal (name, "confirmed"))
    return gtk_widget_get_visible (self->confirmed_estimate);
  return FALSE;
}

/* Returns: (transfer none): the row that edits the incident's @field */
GtkWidget *
_desk_overview_page_get_field_row (DeskOverviewPage *self,
                                   const char       *field)
{
  GtkWidget *row;

  g_return_val_if_fail (DESK_IS_OVERVIEW_PAGE (self), NULL);

  if ((row = (GtkWidget *) text_row_for_field (self, field)) != NULL
      || (row = (GtkWidget *) time_row_for_field (self, field)) != NULL
      || (row = (GtkWidget *) count_row_for_field (self, field)) != NULL)
    return row;
  if (g_str_equal (field, "status"))
    return GTK_WIDGET (self->status_row);
  if (g_str_equal (field, "severity"))
    return GTK_WIDGET (self->severity_row);
  g_return_val_if_reached (NULL);
}

GtkTextView *
_desk_overview_page_get_summary_view (DeskOverviewPage *self)
{
  g_return_val_if_fail (DESK_IS_OVERVIEW_PAGE (self), NULL);

  return self->summary_view;
}

GtkWidget *
_desk_overview_page_get_add_category_button (DeskOverviewPage *self)
{
  g_return_val_if_fail (DESK_IS_OVERVIEW_PAGE (self), NULL);

  return self->add_category_button;
}

guint
_desk_overview_page_get_n_categories (DeskOverviewPage *self)
{
  g_return_val_if_fail (DESK_IS_OVERVIEW_PAGE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->categories));
}

/* Returns: (transfer none) (nullable): the DeskCategoryRow of the @index-th category */
GtkWidget *
_desk_overview_page_get_category_row (DeskOverviewPage *self,
                                      guint             index)
{
  g_return_val_if_fail (DESK_IS_OVERVIEW_PAGE (self), NULL);

  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->category_list, (int) index));
}

/* Whether edits are being saved or figures read: tests wait for both to settle. */
gboolean
_desk_overview_page_is_busy (DeskOverviewPage *self)
{
  g_return_val_if_fail (DESK_IS_OVERVIEW_PAGE (self), FALSE);

  return !g_queue_is_empty (&self->edits)
         || desk_incident_page_is_loading (DESK_INCIDENT_PAGE (self));
}

/* }}} */
