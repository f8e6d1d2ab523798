/* desk-incident-form.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskIncidentForm edits the fields of the incident the Overview page shows: its details (with
 * the times deadline clocks start from: detection, awareness, determination, and the time zone
 * deadlines fall in), its summary, and the figures announced before any account list was
 * imported. Edits persist at once
 * (on "apply", a combo change, or when the summary loses the focus) through the page's
 * DeskEditQueue, and go to the very DeskIncident object the sidebar shows, so the sidebar
 * follows. Changes made elsewhere show at once, except in a summary being typed in.
 *
 * The store and the incident's id come from the DeskIncidentPage the form is in. */

#define G_LOG_DOMAIN "desk-incident-form"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "desk-a11y.h"
#include "desk-date-time-row.h"
#include "desk-gui-utils.h"
#include "desk-incident-page.h"
#include "desk-labels.h"
#include "desk-time.h"
#include "desk-incident-form.h"

struct _DeskIncidentForm
{
  GtkBox                parent_instance;

  /* Template widgets */
  AdwPreferencesGroup  *details_group;
  AdwEntryRow          *title_row;
  AdwEntryRow          *service_row;
  AdwComboRow          *status_row;
  AdwComboRow          *severity_row;
  DeskDateTimeRow      *occurred_row;
  DeskDateTimeRow      *detected_row;
  DeskDateTimeRow      *aware_row;
  DeskDateTimeRow      *determined_row;
  DeskDateTimeRow      *disclosed_row;
  AdwEntryRow          *time_zone_row;
  AdwEntryRow          *cause_row;
  AdwEntryRow          *refs_row;
  GtkTextView          *summary_view;
  AdwEntryRow          *estimated_potential_row;
  AdwEntryRow          *estimated_confirmed_row;

  /* Owned */
  DeskEditQueue        *edits;
  DeskIncident         *shown;              /* the incident the widgets were filled from */
  GSignalGroup         *incident_signals;

  guint                 syncing : 1;        /* widgets are being filled from the incident */
  guint                 summary_dirty : 1;  /* the summary was typed in since it was filled */
};

G_DEFINE_FINAL_TYPE (DeskIncidentForm, desk_incident_form, GTK_TYPE_BOX)

enum {
  ESTIMATES_CHANGED,
  CLOCKS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Fields {{{ */

typedef enum
{
  FIELD_TEXT,    /* an AdwEntryRow; empty means none */
  FIELD_TIME,    /* a DeskDateTimeRow */
  FIELD_COUNT,   /* an AdwEntryRow with a number of accounts; empty means none */
} FieldKind;

/* The incident's fields that a row of their own edits, in the form's order of kinds. */
static const struct
{
  const char *name;
  FieldKind   kind;
  gsize       row;    /* where the row is in DeskIncidentForm */
} fields[] = {
  { "title", FIELD_TEXT, G_STRUCT_OFFSET (DeskIncidentForm, title_row) },
  { "service", FIELD_TEXT, G_STRUCT_OFFSET (DeskIncidentForm, service_row) },
  { "cause", FIELD_TEXT, G_STRUCT_OFFSET (DeskIncidentForm, cause_row) },
  { "vulnerability-refs", FIELD_TEXT, G_STRUCT_OFFSET (DeskIncidentForm, refs_row) },
  { "time-zone", FIELD_TEXT, G_STRUCT_OFFSET (DeskIncidentForm, time_zone_row) },
  { "occurred-at", FIELD_TIME, G_STRUCT_OFFSET (DeskIncidentForm, occurred_row) },
  { "detected-at", FIELD_TIME, G_STRUCT_OFFSET (DeskIncidentForm, detected_row) },
  { "aware-at", FIELD_TIME, G_STRUCT_OFFSET (DeskIncidentForm, aware_row) },
  { "determined-at", FIELD_TIME, G_STRUCT_OFFSET (DeskIncidentForm, determined_row) },
  { "disclosed-at", FIELD_TIME, G_STRUCT_OFFSET (DeskIncidentForm, disclosed_row) },
  { "estimated-potential", FIELD_COUNT,
    G_STRUCT_OFFSET (DeskIncidentForm, estimated_potential_row) },
  { "estimated-confirmed", FIELD_COUNT,
    G_STRUCT_OFFSET (DeskIncidentForm, estimated_confirmed_row) },
};

static GtkWidget *
field_row (DeskIncidentForm *self,
           guint             i)
{
  return G_STRUCT_MEMBER (GtkWidget *, self, fields[i].row);
}

/* Returns: the row that edits @field, or %NULL if it has none of its own */
static GtkWidget *
row_for_field (DeskIncidentForm *self,
               const char       *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].name, field))
      return field_row (self, i);

  return NULL;
}

static const char *
field_for_row (DeskIncidentForm *self,
               gpointer          row)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (field_row (self, i) == row)
      return fields[i].name;

  g_assert_not_reached ();
}

/* }}} */
/* Helpers {{{ */

static DeskIncidentPage *
get_page (DeskIncidentForm *self)
{
  return (DeskIncidentPage *) gtk_widget_get_ancestor (GTK_WIDGET (self),
                                                       DESK_TYPE_INCIDENT_PAGE);
}

/* Whether @record is the incident the page shows now. */
static gboolean
is_current (DeskIncidentForm *self,
            DeskRecord       *record)
{
  DeskIncidentPage *page = get_page (self);
  gint64 incident_id = page ? desk_incident_page_get_incident_id (page) : 0;

  return incident_id != 0 && desk_record_get_id (record) == incident_id;
}

/* An edit of the shown incident's fields, or NULL when there is nothing to edit. */
static DeskEdit *
incident_edit_new (DeskIncidentForm *self)
{
  DeskIncidentPage *page = get_page (self);
  DeskStore *store = page ? desk_incident_page_get_store (page) : NULL;

  if (store == NULL || self->edits == NULL || self->shown == NULL || self->syncing)
    return NULL;

  return desk_edit_new (DESK_EDIT_SET, store, self->shown, _("Could not save the incident"));
}

static void
set_row_invalid (GtkWidget  *row,
                 const char *message)
{
  desk_a11y_set_invalid (row, message);

  if (message != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (message, -1);

      /* The toast title is markup on libadwaita 1.2. */
      desk_show_toast (row, escaped);
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
sync_time_zone (DeskIncidentForm *self)
{
  g_autoptr(GTimeZone) zone = incident_time_zone (self->shown);
  g_autofree char *description = NULL;

  desk_date_time_row_set_time_zone (self->occurred_row, zone);
  desk_date_time_row_set_time_zone (self->detected_row, zone);
  desk_date_time_row_set_time_zone (self->aware_row, zone);
  desk_date_time_row_set_time_zone (self->determined_row, zone);
  desk_date_time_row_set_time_zone (self->disclosed_row, zone);

  if (zone != NULL)
    /* Translators: %s is a time zone, e.g. "Asia/Tokyo" */
    description = g_strdup_printf (_("Times are in the %s time zone unless they name another"),
                                   g_time_zone_get_identifier (zone));
  adw_preferences_group_set_description (self->details_group, description);
}

static void
sync_summary (DeskIncidentForm *self)
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
sync_field (DeskIncidentForm *self,
            const char       *field)
{
  DeskRecord *record = self->shown ? DESK_RECORD (self->shown) : NULL;
  gboolean all = field == NULL;
  gboolean was_syncing = self->syncing;

  self->syncing = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *row = field_row (self, i);
      g_autofree char *text = NULL;

      if (!all && !g_str_equal (field, fields[i].name))
        continue;

      switch (fields[i].kind)
        {
        case FIELD_TEXT:
          set_editable_text (GTK_EDITABLE (row),
                             record ? desk_record_get_string (record, fields[i].name) : NULL);
          break;

        case FIELD_TIME:
          desk_date_time_row_set_time (DESK_DATE_TIME_ROW (row),
                                       record ? desk_record_get_int (record, fields[i].name) : 0);
          break;

        case FIELD_COUNT:
          text = format_estimate (record ? desk_record_get_int (record, fields[i].name) : 0);
          set_editable_text (GTK_EDITABLE (row), text);
          break;

        default:
          g_assert_not_reached ();
        }
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

/* }}} */
/* Callbacks {{{ */

static void
on_estimate_saved_cb (gpointer  owner,
                      DeskEdit *edit)
{
  DeskIncidentForm *self = owner;

  if (is_current (self, desk_edit_get_record (edit)))
    g_signal_emit (self, signals[ESTIMATES_CHANGED], 0);
}

/* The deadlines that count from the incident's times, in its zone, moved with them. */
static void
on_clock_saved_cb (gpointer  owner,
                   DeskEdit *edit)
{
  DeskIncidentForm *self = owner;

  if (is_current (self, desk_edit_get_record (edit)))
    g_signal_emit (self, signals[CLOCKS_CHANGED], 0);
}

static gboolean
is_clock_field (const char *field)
{
  return g_str_equal (field, "detected-at") || g_str_equal (field, "aware-at")
         || g_str_equal (field, "determined-at") || g_str_equal (field, "time-zone");
}

static void
on_text_row_applied_cb (DeskIncidentForm *self,
                        AdwEntryRow      *row)
{
  const char *field = field_for_row (self, row);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GError) error = NULL;
  DeskEdit *edit;

  if (g_str_equal (field, "title") && *text == '\0')
    {
      set_row_invalid (GTK_WIDGET (row), _("An incident needs a title"));
      return;
    }

  if (g_str_equal (field, "time-zone") && *text != '\0' &&
      (zone = desk_time_zone_new (text, &error)) == NULL)
    {
      set_row_invalid (GTK_WIDGET (row), error->message);
      return;
    }

  if ((edit = incident_edit_new (self)) == NULL)
    return;

  desk_edit_set_string (edit, field, *text != '\0' ? text : NULL);
  desk_edit_queue_push (self->edits, edit, GTK_WIDGET (self),
                        is_clock_field (field) ? on_clock_saved_cb : NULL);
  set_editable_text (GTK_EDITABLE (row), text);
}

static void
on_row_changed_cb (DeskIncidentForm *self,
                   GtkWidget        *row)
{
  set_row_invalid (row, NULL);
}

static void
on_count_row_applied_cb (DeskIncidentForm *self,
                         AdwEntryRow      *row)
{
  const char *field = field_for_row (self, row);
  g_autofree char *text = NULL;
  gint64 count;
  DeskEdit *edit;

  if (!_desk_incident_form_parse_count (gtk_editable_get_text (GTK_EDITABLE (row)), &count))
    {
      set_row_invalid (GTK_WIDGET (row),
                       _("Enter a whole number of accounts, such as 4,072,650, or nothing"));
      return;
    }

  if ((edit = incident_edit_new (self)) == NULL)
    return;

  desk_edit_set_int (edit, field, count);
  desk_edit_queue_push (self->edits, edit, GTK_WIDGET (self), on_estimate_saved_cb);

  text = format_estimate (count);
  set_editable_text (GTK_EDITABLE (row), text);
}

static void
on_time_row_applied_cb (DeskIncidentForm *self,
                        DeskDateTimeRow  *row)
{
  DeskEdit *edit = incident_edit_new (self);

  if (edit == NULL)
    return;

  desk_edit_set_int (edit, field_for_row (self, row), desk_date_time_row_get_time (row));
  desk_edit_queue_push (self->edits, edit, GTK_WIDGET (self),
                        is_clock_field (field_for_row (self, row)) ? on_clock_saved_cb : NULL);
}

static void
on_status_selected_cb (DeskIncidentForm *self)
{
  guint status = adw_combo_row_get_selected (self->status_row);
  DeskEdit *edit;

  if (status == GTK_INVALID_LIST_POSITION || (edit = incident_edit_new (self)) == NULL)
    return;

  desk_edit_set_enum (edit, "status", (int) status);

  /* The closing time is the first time it was closed; a reopened incident keeps it. */
  if (status == DESK_INCIDENT_STATUS_CLOSED
      && desk_record_get_int (DESK_RECORD (self->shown), "closed-at") == 0)
    desk_edit_set_int (edit, "closed-at", desk_store_now (desk_edit_get_store (edit)));

  desk_edit_queue_push (self->edits, edit, GTK_WIDGET (self), NULL);
}

static void
on_severity_selected_cb (DeskIncidentForm *self)
{
  guint severity = adw_combo_row_get_selected (self->severity_row);
  DeskEdit *edit;

  if (severity == GTK_INVALID_LIST_POSITION || (edit = incident_edit_new (self)) == NULL)
    return;

  desk_edit_set_enum (edit, "severity", (int) severity);
  desk_edit_queue_push (self->edits, edit, GTK_WIDGET (self), NULL);
}

static void
on_summary_changed_cb (DeskIncidentForm *self)
{
  if (!self->syncing)
    self->summary_dirty = TRUE;
}

static void
on_summary_focus_left_cb (DeskIncidentForm *self)
{
  desk_incident_form_flush (self);
}

static void
on_incident_notify_cb (DeskIncidentForm *self,
                       GParamSpec       *pspec,
                       DeskIncident     *incident)
{
  /* Only fields: the times a save stamps on the record must not reset rows being typed in. */
  if (desk_record_class_find_field (DESK_RECORD_GET_CLASS (incident), pspec->name) != NULL)
    sync_field (self, pspec->name);
}

/* }}} */
/* GObject {{{ */

static void
desk_incident_form_dispose (GObject *object)
{
  DeskIncidentForm *self = DESK_INCIDENT_FORM (object);

  if (self->incident_signals != NULL)
    g_signal_group_set_target (self->incident_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_INCIDENT_FORM);

  g_clear_object (&self->incident_signals);
  g_clear_object (&self->shown);
  g_clear_object (&self->edits);

  G_OBJECT_CLASS (desk_incident_form_parent_class)->dispose (object);
}

static void
desk_incident_form_class_init (DeskIncidentFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_incident_form_dispose;

  /**
   * DeskIncidentForm::estimates-changed:
   *
   * A figure announced for the shown incident was saved: its key figures may read otherwise.
   */
  signals[ESTIMATES_CHANGED] =
    g_signal_new ("estimates-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * DeskIncidentForm::clocks-changed:
   *
   * A time deadlines count from (detection, awareness, determination) or the time zone of the
   * shown incident was saved: the store moved the due times of its obligations.
   */
  signals[CLOCKS_CHANGED] =
    g_signal_new ("clocks-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (DESK_TYPE_DATE_TIME_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/desk-incident-form.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskIncidentForm, details_group);
  gtk_widget_class_bind_template_child (widget_class, DeskIncidentForm, title_row);
  gtk_widget_class_bind_template_child (widget_class, DeskIncidentForm, service_row);
  gtk_widget_class_bind_template_child (widget_class, DeskIncidentForm, status_row);
  gtk_widget_class_bind_template_child (widget_class, DeskIncidentForm, severity_row);
  gtk_widget_class_bind_template_child (widget_class, DeskIncidentForm, occurred_row);
  gtk_widget_class_bind_template_child (widget_class, DeskIncidentForm, detected_row);
  gtk_widget_class_bind_template_child (widget_class, DeskIncidentForm, aware_row);
  gtk_widget_class_bind_template_child (widget_class, DeskIncidentForm, determined_row);
  gtk_widget_class_bind_template_child (widget_class, DeskIncidentForm, time_zone_row);
  gtk_widget_class_bind_template_child (widget_class, DeskIncidentForm, disclosed_row);
  gtk_widget_class_bind_template_child (widget_class, DeskIncidentForm, cause_row);
  gtk_widget_class_bind_template_child (widget_class, DeskIncidentForm, refs_row);
  gtk_widget_class_bind_template_child (widget_class, DeskIncidentForm, summary_view);
  gtk_widget_class_bind_template_child (widget_class, DeskIncidentForm, estimated_potential_row);
  gtk_widget_class_bind_template_child (widget_class, DeskIncidentForm, estimated_confirmed_row);
  gtk_widget_class_bind_template_callback (widget_class, on_text_row_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_count_row_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_time_row_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_severity_selected_cb);
}

static void
desk_incident_form_init (DeskIncidentForm *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) severities = gtk_string_list_new (NULL);
  GtkEventController *focus;

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

  self->incident_signals = g_signal_group_new (DESK_TYPE_INCIDENT);
  g_signal_group_connect_object (self->incident_signals, "notify",
                                 G_CALLBACK (on_incident_notify_cb), self, G_CONNECT_SWAPPED);

  sync_field (self, NULL);
  self->syncing = FALSE;
}

/* }}} */
/* Public API {{{ */

/* Sets the queue that saves the form's edits, once. */
void
desk_incident_form_set_edit_queue (DeskIncidentForm *self,
                                   DeskEditQueue    *edits)
{
  g_return_if_fail (DESK_IS_INCIDENT_FORM (self));
  g_return_if_fail (DESK_IS_EDIT_QUEUE (edits));

  g_set_object (&self->edits, edits);
}

/* Returns: (transfer none) (nullable): the incident the form shows */
DeskIncident *
desk_incident_form_get_incident (DeskIncidentForm *self)
{
  g_return_val_if_fail (DESK_IS_INCIDENT_FORM (self), NULL);

  return self->shown;
}

/* Shows @incident (nullable) and follows its changes. */
void
desk_incident_form_set_incident (DeskIncidentForm *self,
                                 DeskIncident     *incident)
{
  g_return_if_fail (DESK_IS_INCIDENT_FORM (self));

  if (incident == self->shown)
    return;

  /* What was typed belongs to the incident it was typed for. */
  desk_incident_form_flush (self);

  g_set_object (&self->shown, incident);
  g_signal_group_set_target (self->incident_signals, incident);
  sync_field (self, NULL);
}

/* Saves the summary typed for the incident the form shows, if it was edited. */
void
desk_incident_form_flush (DeskIncidentForm *self)
{
  g_autofree char *text = NULL;
  g_autofree char *stripped = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  DeskEdit *edit;

  g_return_if_fail (DESK_IS_INCIDENT_FORM (self));

  if (!self->summary_dirty)
    return;

  self->summary_dirty = FALSE;

  if ((edit = incident_edit_new (self)) == NULL)
    return;

  buffer = gtk_text_view_get_buffer (self->summary_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  stripped = g_strstrip (g_strdup (text));

  /* Keep the person's line breaks and spacing; only an empty summary becomes "none". */
  desk_edit_set_string (edit, "summary", *stripped != '\0' ? text : NULL);
  desk_edit_queue_push (self->edits, edit, GTK_WIDGET (self), NULL);
}

/**
 * _desk_incident_form_parse_count:
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
_desk_incident_form_parse_count (const char *text,
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

/* Returns: (transfer none): the row that edits the incident's @field */
GtkWidget *
_desk_incident_form_get_field_row (DeskIncidentForm *self,
                                   const char       *field)
{
  GtkWidget *row;

  g_return_val_if_fail (DESK_IS_INCIDENT_FORM (self), NULL);

  if ((row = row_for_field (self, field)) != NULL)
    return row;
  if (g_str_equal (field, "status"))
    return GTK_WIDGET (self->status_row);
  if (g_str_equal (field, "severity"))
    return GTK_WIDGET (self->severity_row);
  g_return_val_if_reached (NULL);
}

GtkTextView *
_desk_incident_form_get_summary_view (DeskIncidentForm *self)
{
  g_return_val_if_fail (DESK_IS_INCIDENT_FORM (self), NULL);

  return self->summary_view;
}

/* }}} */
