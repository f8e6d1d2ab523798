/* desk-obligations-group.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskObligationsGroup is the Overview page's "Deadlines": the reports the laws and regulations
 * that apply to the incident ask for, one DeskObligationRow each, rule by rule in the order of
 * their stages. "Add Obligation" applies a rule (DeskObligationDialog); a row's edits are saved
 * through the page's DeskEditQueue; "Remove Rule" takes every report of a rule out, with an
 * undo toast.
 *
 * The store computes the due times. When a save moves some (an incident's clock-start time, a
 * stage filed that starts the next one's clock), the group reads them again and says how many
 * moved, so that nobody misses a deadline that came closer. The countdowns run while the group
 * is in view. */

#define G_LOG_DOMAIN "desk-obligations-group"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-application.h"
#include "desk-gui-utils.h"
#include "desk-obligation-dialog.h"
#include "desk-obligation-row.h"
#include "desk-page-utils.h"
#include "desk-obligations-group.h"

/* How often the countdowns are worked out again while shown. */
#define REFRESH_SECONDS 30

struct _DeskObligationsGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Template widgets */
  GtkWidget           *add_button;
  GtkListBox          *list_box;

  /* Owned */
  DeskEditQueue       *edits;
  GSettings           *settings;
  GHashTable          *due_times;      /* obligation UUID → due time, as last shown */
  gint64               incident_id;    /* whose due times those are */
  guint                serial;         /* the newest reload; answers to older ones drop */
  guint                refresh_id;
  gboolean             announce_moves; /* a reload under way follows a change that moves them */
};

G_DEFINE_FINAL_TYPE (DeskObligationsGroup, desk_obligations_group, ADW_TYPE_PREFERENCES_GROUP)

/* Helpers {{{ */

static DeskIncidentPage *
get_page (DeskObligationsGroup *self)
{
  return (DeskIncidentPage *) gtk_widget_get_ancestor (GTK_WIDGET (self),
                                                       DESK_TYPE_INCIDENT_PAGE);
}

static DeskStore *
get_store (DeskObligationsGroup *self)
{
  DeskIncidentPage *page = get_page (self);

  return page ? desk_incident_page_get_store (page) : NULL;
}

static GPtrArray *
get_rows (DeskObligationsGroup *self)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (DESK_IS_OBLIGATION_ROW (child))
      g_ptr_array_add (rows, child);

  return rows;
}

static void
refresh (DeskObligationsGroup *self)
{
  DeskStore *store = get_store (self);
  g_autoptr(GPtrArray) rows = get_rows (self);
  guint lead_hours = g_settings_get_uint (self->settings, "reminder-lead-hours");

  if (store == NULL)
    return;

  for (guint i = 0; i < rows->len; i++)
    desk_obligation_row_refresh (g_ptr_array_index (rows, i), desk_store_now (store),
                                 lead_hours);
}

static gboolean
refresh_cb (gpointer user_data)
{
  refresh (user_data);
  return G_SOURCE_CONTINUE;
}

/* The order of the rows: rule by rule as the rulebook lists them, each in the order of its
 * stages, rather than by due time, which moves as stages are filed. */
static guint
rank_of (DeskRulebook *rulebook,
         DeskDeadline *deadline)
{
  DeskRecord *record = desk_deadline_get_record (deadline);
  const char *rule_id = desk_record_get_string (record, "rule");
  const char *stage_id = desk_record_get_string (record, "stage");
  GPtrArray *rules = desk_rulebook_get_rules (rulebook);

  for (guint i = 0; i < rules->len; i++)
    {
      DeskDeadlineRule *rule = g_ptr_array_index (rules, i);
      GPtrArray *stages;

      if (g_strcmp0 (desk_deadline_rule_get_id (rule), rule_id) != 0)
        continue;

      stages = desk_deadline_rule_get_stages (rule);
      for (guint j = 0; j < stages->len; j++)
        if (g_strcmp0 (((DeskRuleStage *) g_ptr_array_index (stages, j))->id, stage_id) == 0)
          return i * 100 + j;
      return i * 100 + 99;
    }

  /* A peer's own rule, unknown here: after the others. */
  return G_MAXUINT;
}

static int
compare_rank (gconstpointer a,
              gconstpointer b,
              gpointer      rulebook)
{
  DeskDeadline *da = *(DeskDeadline **) a;
  DeskDeadline *db = *(DeskDeadline **) b;
  guint ra = rank_of (rulebook, da);
  guint rb = rank_of (rulebook, db);

  if (ra != rb)
    return ra < rb ? -1 : 1;

  return g_strcmp0 (desk_deadline_get_title (da), desk_deadline_get_title (db));
}

/* }}} */
/* Edits {{{ */

static void
on_obligation_saved_cb (gpointer  owner,
                        DeskEdit *edit)
{
  DeskObligationsGroup *self = owner;

  /* A stage filed may move the next one's due time. */
  if (desk_record_get_int (desk_edit_get_record (edit), "incident-id") == self->incident_id)
    desk_obligations_group_reload (self, TRUE);
}

static void
on_row_field_applied_cb (DeskObligationsGroup *self,
                         const char           *field,
                         DeskObligationRow    *row)
{
  DeskStore *store = get_store (self);
  g_autofree char *text = NULL;
  DeskEdit *edit;

  if (store == NULL || self->edits == NULL)
    return;

  edit = desk_edit_new (DESK_EDIT_SET, store, desk_obligation_row_get_obligation (row),
                        _("Could not save the obligation"));

  if (g_str_equal (field, "status"))
    {
      desk_edit_set_enum (edit, "status", desk_obligation_row_get_status (row));
      /* Filed now, unless the person says when; the store stamps it. */
      if (desk_obligation_row_get_status (row) == DESK_OBLIGATION_STATUS_FILED)
        desk_edit_set_int (edit, "filed-at", desk_obligation_row_get_filed_at (row));
    }
  else if (g_str_equal (field, "filed-at"))
    desk_edit_set_int (edit, "filed-at", desk_obligation_row_get_filed_at (row));
  else
    {
      text = desk_obligation_row_dup_text (row, field);
      desk_edit_set_string (edit, field, text);
    }

  desk_edit_queue_push (self->edits, edit, GTK_WIDGET (self), on_obligation_saved_cb);
}

static void
on_removed_cb (DeskIncidentPage *page,
               DeskRecord       *record)
{
  desk_incident_page_reload (page);
}

/* Every report of the row's rule leaves the incident, with an undo toast. */
static void
on_row_remove_requested_cb (DeskObligationsGroup *self,
                            DeskObligationRow    *row)
{
  DeskIncidentPage *page = get_page (self);
  g_autoptr(GPtrArray) rows = get_rows (self);
  DeskRecord *obligation = DESK_RECORD (desk_obligation_row_get_obligation (row));
  const char *rule_id = desk_record_get_string (obligation, "rule");
  DeskDeadlineRule *rule;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  DeskPageRemoval *removal;

  if (page == NULL || get_store (self) == NULL)
    return;

  rule = desk_rulebook_lookup (desk_store_get_rulebook (get_store (self)), rule_id);
  /* Translators: a toast; %s names a deadline rule, e.g. "GDPR (EU) removed" */
  title = g_strdup_printf (_("%s removed"), rule ? desk_deadline_rule_get_name (rule) : rule_id);
  escaped = g_markup_escape_text (title, -1);
  removal = desk_page_removal_new (page, escaped, _("Could not remove the obligations"),
                                   _("Could not restore the obligations"), on_removed_cb);

  for (guint i = 0; i < rows->len; i++)
    {
      DeskRecord *other = DESK_RECORD (desk_obligation_row_get_obligation (g_ptr_array_index (rows, i)));

      if (g_strcmp0 (desk_record_get_string (other, "rule"), rule_id) == 0)
        desk_page_removal_add (removal, other);
    }

  desk_page_removal_run (removal);
}

/* }}} */
/* Loading {{{ */

static GtkWidget *
create_row (DeskObligationsGroup *self,
            DeskDeadline         *deadline)
{
  DeskRulebook *rulebook = desk_store_get_rulebook (get_store (self));
  DeskRecord *record = desk_deadline_get_record (deadline);
  GtkWidget *row;

  row = desk_obligation_row_new (deadline,
                                 desk_rulebook_lookup (rulebook,
                                                       desk_record_get_string (record, "rule")));
  g_signal_connect_object (row, "field-applied", G_CALLBACK (on_row_field_applied_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove-requested", G_CALLBACK (on_row_remove_requested_cb),
                           self, G_CONNECT_SWAPPED);
  return row;
}

/* Whether @rows show the obligations of @deadlines, in that order. */
static gboolean
shows_same (GPtrArray *rows,
            GPtrArray *deadlines)
{
  if (rows->len != deadlines->len)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      DeskRecord *shown = DESK_RECORD (desk_obligation_row_get_obligation (g_ptr_array_index (rows, i)));
      DeskRecord *record = desk_deadline_get_record (g_ptr_array_index (deadlines, i));

      if (desk_record_get_id (shown) != desk_record_get_id (record))
        return FALSE;
    }

  return TRUE;
}

/* Returns: how many of @deadlines have another due time than when last shown */
static guint
count_moved (DeskObligationsGroup *self,
             GPtrArray            *deadlines)
{
  guint n_moved = 0;

  for (guint i = 0; i < deadlines->len; i++)
    {
      DeskDeadline *deadline = g_ptr_array_index (deadlines, i);
      const char *uuid = desk_record_get_uuid (desk_deadline_get_record (deadline));
      gint64 *due_at = g_hash_table_lookup (self->due_times, uuid);

      if (due_at != NULL && *due_at != desk_deadline_get_due_at (deadline))
        n_moved++;
    }

  return n_moved;
}

static void
remember_due_times (DeskObligationsGroup *self,
                    GPtrArray            *deadlines)
{
  g_hash_table_remove_all (self->due_times);

  for (guint i = 0; i < deadlines->len; i++)
    {
      DeskDeadline *deadline = g_ptr_array_index (deadlines, i);
      gint64 due_at = desk_deadline_get_due_at (deadline);

      g_hash_table_insert (self->due_times,
                           g_strdup (desk_record_get_uuid (desk_deadline_get_record (deadline))),
                           g_memdup2 (&due_at, sizeof due_at));
    }
}

static void
show_obligations (DeskObligationsGroup *self,
                  GPtrArray            *deadlines,
                  gboolean              announce_moves)
{
  g_autoptr(GPtrArray) rows = get_rows (self);
  guint n_moved = announce_moves ? count_moved (self, deadlines) : 0;

  g_ptr_array_sort_with_data (deadlines, compare_rank,
                              desk_store_get_rulebook (get_store (self)));

  /* The same obligations: keep the rows, expanded or typed in as they are. */
  if (shows_same (rows, deadlines))
    for (guint i = 0; i < rows->len; i++)
      desk_obligation_row_set_deadline (g_ptr_array_index (rows, i),
                                        g_ptr_array_index (deadlines, i));
  else
    {
      for (guint i = 0; i < rows->len; i++)
        gtk_list_box_remove (self->list_box, g_ptr_array_index (rows, i));
      for (guint i = 0; i < deadlines->len; i++)
        gtk_list_box_append (self->list_box, create_row (self, g_ptr_array_index (deadlines, i)));
    }

  remember_due_times (self, deadlines);
  refresh (self);

  if (n_moved > 0)
    {
      /* Translators: a toast after the incident's times or a filing changed due times */
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u due date moved",
                                                             "%u due dates moved", n_moved),
                                                n_moved);

      desk_show_toast (GTK_WIDGET (self), title);
    }
}

static void
update_description (DeskObligationsGroup *self,
                    DeskIncident         *incident)
{
  const char *zone = incident ? desk_record_get_string (DESK_RECORD (incident), "time-zone")
                              : NULL;
  g_autofree char *description = NULL;

  if (zone != NULL && *zone != '\0')
    /* Translators: under the Deadlines heading; %s is a time zone, e.g. "Asia/Tokyo" */
    description = g_strdup_printf (_("The reports the law asks for, due in %s time"), zone);
  else
    description = g_strdup (_("The reports the law asks for"));

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), description);
}

static void
on_deadlines_loaded_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(DeskPageRequest) request = user_data;
  DeskObligationsGroup *self = DESK_OBLIGATIONS_GROUP (request->owner);
  g_autoptr(GPtrArray) deadlines = NULL;
  g_autoptr(GPtrArray) obligations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  deadlines = desk_store_list_deadlines_finish (DESK_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* A later request is under way: its answer is the newer one. */
  if (request->serial == self->serial && get_store (self) != NULL)
    {
      if (deadlines == NULL)
        desk_show_error (GTK_WIDGET (self), _("Could not read the obligations"), error);
      else
        {
          for (guint i = 0; i < deadlines->len; i++)
            if (desk_deadline_get_kind (g_ptr_array_index (deadlines, i)) ==
                DESK_DEADLINE_KIND_OBLIGATION)
              g_ptr_array_add (obligations, g_object_ref (g_ptr_array_index (deadlines, i)));

          update_description (self, desk_incident_page_get_incident (request->page));
          show_obligations (self, obligations, self->announce_moves);
          self->announce_moves = FALSE;
        }
    }

  desk_page_request_end (request);
}

/* }}} */
/* Callbacks {{{ */

static void
on_dialog_added_cb (DeskObligationsGroup *self)
{
  desk_obligations_group_reload (self, FALSE);
}

static GtkWindow *
open_dialog (DeskObligationsGroup *self)
{
  DeskIncidentPage *page = get_page (self);
  DeskIncident *incident = page ? desk_incident_page_get_incident (page) : NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GPtrArray) rows = get_rows (self);
  g_autoptr(GStrvBuilder) applied = g_strv_builder_new ();
  g_auto(GStrv) rules = NULL;
  GtkWidget *dialog;

  if (get_store (self) == NULL || incident == NULL)
    return NULL;

  for (guint i = 0; i < rows->len; i++)
    g_strv_builder_add (applied,
                        desk_record_get_string (DESK_RECORD (desk_obligation_row_get_obligation (
                                                  g_ptr_array_index (rows, i))), "rule"));
  rules = g_strv_builder_end (applied);

  dialog = desk_obligation_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       get_store (self), incident, (const char * const *) rules);
  g_signal_connect_object (dialog, "added", G_CALLBACK (on_dialog_added_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

static void
on_add_clicked_cb (DeskObligationsGroup *self)
{
  open_dialog (self);
}

/* }}} */
/* GtkWidget {{{ */

static void
desk_obligations_group_map (GtkWidget *widget)
{
  DeskObligationsGroup *self = DESK_OBLIGATIONS_GROUP (widget);

  GTK_WIDGET_CLASS (desk_obligations_group_parent_class)->map (widget);

  refresh (self);
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add_seconds (REFRESH_SECONDS, refresh_cb, self);
}

static void
desk_obligations_group_unmap (GtkWidget *widget)
{
  DeskObligationsGroup *self = DESK_OBLIGATIONS_GROUP (widget);

  g_clear_handle_id (&self->refresh_id, g_source_remove);

  GTK_WIDGET_CLASS (desk_obligations_group_parent_class)->unmap (widget);
}

/* }}} */
/* GObject {{{ */

static void
desk_obligations_group_dispose (GObject *object)
{
  DeskObligationsGroup *self = DESK_OBLIGATIONS_GROUP (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_OBLIGATIONS_GROUP);

  g_clear_object (&self->edits);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->due_times, g_hash_table_unref);

  G_OBJECT_CLASS (desk_obligations_group_parent_class)->dispose (object);
}

static void
desk_obligations_group_class_init (DeskObligationsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_obligations_group_dispose;
  widget_class->map = desk_obligations_group_map;
  widget_class->unmap = desk_obligations_group_unmap;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/desk-obligations-group.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskObligationsGroup, add_button);
  gtk_widget_class_bind_template_child (widget_class, DeskObligationsGroup, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);
}

static void
desk_obligations_group_init (DeskObligationsGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->due_times = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->settings = g_settings_new (DESK_SETTINGS_SCHEMA_ID);
  g_signal_connect_object (self->settings, "changed::reminder-lead-hours",
                           G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  update_description (self, NULL);
}

/* }}} */
/* Public API {{{ */

/* Sets the queue that saves the group's edits, once. */
void
desk_obligations_group_set_edit_queue (DeskObligationsGroup *self,
                                       DeskEditQueue        *edits)
{
  g_return_if_fail (DESK_IS_OBLIGATIONS_GROUP (self));
  g_return_if_fail (DESK_IS_EDIT_QUEUE (edits));

  g_set_object (&self->edits, edits);
}

/**
 * desk_obligations_group_reload:
 * @announce_moves: whether to say, in a toast, how many due times moved since last shown: after
 *   a change that may move them
 *
 * Reads the obligations of the page's incident again.
 */
void
desk_obligations_group_reload (DeskObligationsGroup *self,
                               gboolean              announce_moves)
{
  DeskPageRequest *request;
  gint64 incident_id;

  g_return_if_fail (DESK_IS_OBLIGATIONS_GROUP (self));

  if ((request = desk_page_request_begin_part (self)) == NULL)
    return;
  incident_id = desk_incident_page_get_incident_id (request->page);

  /* Due times of another incident say nothing about this one's. */
  if (incident_id != self->incident_id)
    {
      g_hash_table_remove_all (self->due_times);
      self->incident_id = incident_id;
      self->announce_moves = FALSE;
    }

  request->serial = ++self->serial;
  self->announce_moves |= announce_moves;
  desk_store_list_deadlines_async (desk_incident_page_get_store (request->page), incident_id,
                                   desk_incident_page_get_cancellable (request->page),
                                   on_deadlines_loaded_cb, request);
}

/* Forgets the obligations shown, e.g. those of another incident. */
void
desk_obligations_group_clear (DeskObligationsGroup *self)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_if_fail (DESK_IS_OBLIGATIONS_GROUP (self));

  rows = get_rows (self);
  for (guint i = 0; i < rows->len; i++)
    gtk_list_box_remove (self->list_box, g_ptr_array_index (rows, i));

  g_hash_table_remove_all (self->due_times);
  self->incident_id = 0;
  update_description (self, NULL);
}

/**
 * desk_obligations_group_open_dialog:
 *
 * Opens the Add Obligation dialog for the page's incident, as the group's button does.
 *
 * Returns: (transfer none) (nullable): the dialog, or %NULL without an incident
 */
GtkWindow *
desk_obligations_group_open_dialog (DeskObligationsGroup *self)
{
  g_return_val_if_fail (DESK_IS_OBLIGATIONS_GROUP (self), NULL);

  return open_dialog (self);
}

GtkWidget *
_desk_obligations_group_get_add_button (DeskObligationsGroup *self)
{
  g_return_val_if_fail (DESK_IS_OBLIGATIONS_GROUP (self), NULL);

  return self->add_button;
}

guint
_desk_obligations_group_get_n_rows (DeskObligationsGroup *self)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (DESK_IS_OBLIGATIONS_GROUP (self), 0);

  rows = get_rows (self);
  return rows->len;
}

/* Returns: (transfer none) (nullable): the DeskObligationRow at @index */
GtkWidget *
_desk_obligations_group_get_row (DeskObligationsGroup *self,
                                 guint                 index)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (DESK_IS_OBLIGATIONS_GROUP (self), NULL);

  rows = get_rows (self);
  return index < rows->len ? g_ptr_array_index (rows, index) : NULL;
}

/* }}} */
