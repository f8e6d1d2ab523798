/* desk-history-page.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskHistoryPage shows an incident's history, newest first: the events people entered
 * ("Vendor published a fix") and the audit log of changes in sentences ("Sato changed the status
 * from Investigating to Contained"), under a heading per day. GTK 4.8 has no list section
 * headers, so the headings are items of the list's model (DeskHistoryLine). The lines come from
 * desk_history_gather() (src/core, shared with the status report's timeline), on a worker
 * thread, since it looks up the names audit entries do not carry (which customer a notice goes
 * to). Events can be added and removed (with undo); audit lines cannot. */

#define G_LOG_DOMAIN "desk-history-page"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-a11y.h"
#include "desk-gui-utils.h"
#include "desk-history-line.h"
#include "desk-history.h"
#include "desk-labels.h"
#include "desk-page-utils.h"
#include "desk-time.h"
#include "desk-history-page-private.h"

/* Looking names up costs a query each; past this many lines, older ones keep generic wording. */
#define MAX_NAMED 500

struct _DeskHistoryPage
{
  DeskIncidentPage  parent_instance;

  /* Template widgets and objects */
  GtkLabel         *summary_label;
  GtkMenuButton    *add_event_button;
  GtkStack         *stack;
  GtkListView      *history_list;
  GListStore       *lines;
  GtkPopover       *add_event_popover;
  AdwEntryRow      *event_text_row;
  AdwEntryRow      *event_time_row;
  GtkLabel         *event_error_label;

  /* The newest reload; answers to older ones are dropped. */
  guint             serial;
};

G_DEFINE_FINAL_TYPE (DeskHistoryPage, desk_history_page, DESK_TYPE_INCIDENT_PAGE)

/* Helpers {{{ */

static DeskStore *
get_store (DeskHistoryPage *self)
{
  return desk_incident_page_get_store (DESK_INCIDENT_PAGE (self));
}

static void
show_state (DeskHistoryPage *self,
            const char      *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
}

static void
update_summary (DeskHistoryPage *self,
                guint            n_events,
                guint            n_changes)
{
  g_autofree char *count = NULL;
  g_autofree char *events = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *text = NULL;

  if (n_events == 0 && n_changes == 0)
    {
      gtk_label_set_label (self->summary_label, "");
      return;
    }

  count = desk_format_count (n_events);
  events = g_strdup_printf (ngettext ("%s event", "%s events", n_events), count);
  g_free (count);
  count = desk_format_count (n_changes);
  changes = g_strdup_printf (ngettext ("%s change", "%s changes", n_changes), count);
  /* Translators: what an incident's history holds, e.g. "6 events · 1,775 changes" */
  text = g_strdup_printf (_("%s · %s"), events, changes);
  gtk_label_set_label (self->summary_label, text);
}

static void
show_history (DeskHistoryPage *self,
              GPtrArray       *groups)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *day = NULL;
  gint64 now = desk_store_now (get_store (self));
  guint n_events = 0, n_changes = 0;

  for (guint i = 0; i < groups->len; i++)
    {
      DeskHistoryGroup *group = g_ptr_array_index (groups, i);
      gint64 at = desk_history_group_get_time (group);
      g_autofree char *label = desk_history_day_label (at, now);
      g_autofree char *text = desk_history_group_describe (group);
      g_autofree char *time = desk_history_time_label (at);
      g_autofree char *tooltip = desk_history_full_time (at);
      g_autofree char *detail = NULL;
      DeskEvent *event = NULL;

      if (g_strcmp0 (label, day) != 0)
        {
          g_ptr_array_add (items, desk_history_line_new_day (label));
          g_free (day);
          day = g_steal_pointer (&label);
        }

      if (DESK_IS_EVENT (group->entry))
        {
          const char *actor;

          event = DESK_EVENT (group->entry);
          actor = desk_record_get_string (DESK_RECORD (event), "actor");
          if (actor != NULL && *actor != '\0')
            /* Translators: who entered an event, and its time, e.g. "SOC · 09:30" */
            detail = g_strdup_printf (_("%s · %s"), actor, time);
          n_events++;
        }
      else
        n_changes += group->n_records + group->n_items;

      g_ptr_array_add (items, desk_history_line_new (text, detail ? detail : time, tooltip,
                                                     event));
    }

  g_list_store_splice (self->lines, 0, g_list_model_get_n_items (G_LIST_MODEL (self->lines)),
                       items->pdata, items->len);
  update_summary (self, n_events, n_changes);
  show_state (self, groups->len > 0 ? "history" : "empty");
}

/* }}} */
/* Gathering {{{ */

typedef struct
{
  DeskStore *store;
  gint64     incident_id;
} Gather;

static void
gather_free (gpointer data)
{
  Gather *gather = data;

  g_clear_object (&gather->store);
  g_free (gather);
}

static void
gather_history_worker (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  Gather *gather = task_data;
  GError *error = NULL;
  GPtrArray *groups;

  groups = desk_history_gather (gather->store, gather->incident_id, MAX_NAMED, cancellable,
                                &error);
  if (groups == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, groups, (GDestroyNotify) g_ptr_array_unref);
}

static void
on_history_gathered_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(DeskPageRequest) request = user_data;
  DeskHistoryPage *self = DESK_HISTORY_PAGE (request->page);
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;

  groups = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;  /* the restart that cancelled it reset the loading count */

  if (request->serial == self->serial)
    {
      if (groups != NULL)
        show_history (self, groups);
      else
        {
          desk_show_error (GTK_WIDGET (self), _("Could not read the incident’s history"), error);
          show_state (self, "empty");
        }
    }

  desk_page_request_end (request);
}

/* }}} */
/* Callbacks {{{ */

static void
on_remove_clicked_cb (DeskHistoryPage *self,
                      GtkButton       *button)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (button), "list-item");
  DeskHistoryLine *line = gtk_list_item_get_item (list_item);

  if (line != NULL && desk_history_line_get_event (line) != NULL)
    _desk_history_page_remove_event (self, desk_history_line_get_event (line));
}

static void
on_line_setup_cb (DeskHistoryPage          *self,
                  GtkListItem              *list_item,
                  GtkSignalListItemFactory *factory)
{
  GtkWidget *box, *day, *line, *icon, *texts, *text, *detail, *remove;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  day = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (day), 0);
  gtk_label_set_wrap (GTK_LABEL (day), TRUE);
  gtk_widget_add_css_class (day, "heading");
  gtk_widget_add_css_class (day, "history-day");
  gtk_box_append (GTK_BOX (box), day);

  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (line, "history-line");
  gtk_box_append (GTK_BOX (box), line);

  icon = gtk_image_new ();
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "history-icon");
  gtk_box_append (GTK_BOX (line), icon);

  texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (line), texts);

  text = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (texts), text);

  detail = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (detail), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (texts), detail);

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove Event"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Event"),
                                  -1);
  gtk_widget_add_css_class (remove, "flat");
  g_object_set_data (G_OBJECT (remove), "list-item", list_item);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (line), remove);

  g_object_set_data (G_OBJECT (box), "day", day);
  g_object_set_data (G_OBJECT (box), "line", line);
  g_object_set_data (G_OBJECT (box), "icon", icon);
  g_object_set_data (G_OBJECT (box), "text", text);
  g_object_set_data (G_OBJECT (box), "detail", detail);
  g_object_set_data (G_OBJECT (box), "remove", remove);

  gtk_list_item_set_child (list_item, box);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
on_line_bind_cb (DeskHistoryPage          *self,
                 GtkListItem              *list_item,
                 GtkSignalListItemFactory *factory)
{
  DeskHistoryLine *line = gtk_list_item_get_item (list_item);
  GObject *box = G_OBJECT (gtk_list_item_get_child (list_item));
  gboolean is_day = desk_history_line_is_day (line);
  DeskEvent *event = desk_history_line_get_event (line);
  GtkWidget *text = g_object_get_data (box, "text");
  GtkWidget *icon = g_object_get_data (box, "icon");

  gtk_widget_set_visible (g_object_get_data (box, "day"), is_day);
  gtk_widget_set_visible (g_object_get_data (box, "line"), !is_day);

  if (is_day)
    {
      gtk_label_set_label (g_object_get_data (box, "day"), desk_history_line_get_text (line));
      return;
    }

  gtk_label_set_label (GTK_LABEL (text), desk_history_line_get_text (line));
  gtk_label_set_label (g_object_get_data (box, "detail"), desk_history_line_get_detail (line));
  gtk_widget_set_tooltip_text (g_object_get_data (box, "detail"),
                               desk_history_line_get_tooltip (line));

  /* Events are what happened; the rest is who changed what. Both say so in words too. */
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), event ? "mark-location-symbolic"
                                                        : "document-edit-symbolic");
  gtk_widget_set_tooltip_text (icon, event ? _("Event") : _("Change"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, event ? _("Event") : _("Change"),
                                  -1);
  if (event != NULL)
    gtk_widget_add_css_class (text, "history-event");
  else
    gtk_widget_remove_css_class (text, "history-event");

  gtk_widget_set_visible (g_object_get_data (box, "remove"), event != NULL);
}

static void
on_empty_add_clicked_cb (DeskHistoryPage *self)
{
  gtk_menu_button_popup (self->add_event_button);
}

static void
set_event_error (DeskHistoryPage *self,
                 AdwEntryRow     *row,
                 const char      *message)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->event_text_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->event_time_row), "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (self->event_text_row), GTK_ACCESSIBLE_STATE_INVALID);
  gtk_accessible_reset_state (GTK_ACCESSIBLE (self->event_time_row), GTK_ACCESSIBLE_STATE_INVALID);

  gtk_label_set_label (self->event_error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->event_error_label), message != NULL);

  if (row != NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (row));
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
}

static void
on_add_event_popover_shown_cb (DeskHistoryPage *self)
{
  DeskStore *store = get_store (self);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *text = NULL;

  now = g_date_time_new_from_unix_local (store ? desk_store_now (store)
                                               : g_get_real_time () / G_USEC_PER_SEC);
  text = g_date_time_format (now, "%Y-%m-%d %H:%M");

  gtk_editable_set_text (GTK_EDITABLE (self->event_text_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->event_time_row), text);
  set_event_error (self, NULL, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->event_text_row));
}

static void
on_event_fields_changed_cb (DeskHistoryPage *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->event_error_label)))
    set_event_error (self, NULL, NULL);
}

static void
on_add_event_activated_cb (DeskHistoryPage *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->event_text_row));
  const char *when = gtk_editable_get_text (GTK_EDITABLE (self->event_time_row));

  if (_desk_history_page_add_event (self, text, when, &error))
    {
      gtk_popover_popdown (self->add_event_popover);
      return;
    }

  set_event_error (self,
                   g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT)
                     ? self->event_time_row : self->event_text_row,
                   error->message);
}

/* }}} */
/* DeskIncidentPage {{{ */

static void
desk_history_page_reload (DeskIncidentPage *page)
{
  DeskHistoryPage *self = DESK_HISTORY_PAGE (page);
  DeskStore *store = desk_incident_page_get_store (page);
  DeskIncident *incident = desk_incident_page_get_incident (page);
  g_autoptr(GTask) task = NULL;
  DeskPageRequest *request;
  Gather *gather;

  self->serial++;
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_event_button),
                            store != NULL && incident != NULL);

  if (store == NULL || incident == NULL)
    {
      g_list_store_remove_all (self->lines);
      update_summary (self, 0, 0);
      show_state (self, "loading");
      return;
    }

  request = desk_page_request_begin (self);
  request->serial = self->serial;

  /* The store is safe to use from any thread. No source object: the task may be freed on the
   * worker thread, and widgets must not be. */
  gather = g_new0 (Gather, 1);
  gather->store = g_object_ref (store);
  gather->incident_id = desk_incident_page_get_incident_id (page);
  task = g_task_new (NULL, desk_incident_page_get_cancellable (page),
                     on_history_gathered_cb, request);
  g_task_set_source_tag (task, desk_history_page_reload);
  g_task_set_task_data (task, gather, gather_free);
  g_task_run_in_thread (task, gather_history_worker);
}

/* }}} */
/* GObject {{{ */

static void
desk_history_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DESK_TYPE_HISTORY_PAGE);

  G_OBJECT_CLASS (desk_history_page_parent_class)->dispose (object);
}

static void
desk_history_page_class_init (DeskHistoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DeskIncidentPageClass *page_class = DESK_INCIDENT_PAGE_CLASS (klass);

  object_class->dispose = desk_history_page_dispose;

  page_class->reload = desk_history_page_reload;

  g_type_ensure (DESK_TYPE_HISTORY_LINE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/desk-history-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskHistoryPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, DeskHistoryPage, add_event_button);
  gtk_widget_class_bind_template_child (widget_class, DeskHistoryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, DeskHistoryPage, history_list);
  gtk_widget_class_bind_template_child (widget_class, DeskHistoryPage, lines);
  gtk_widget_class_bind_template_child (widget_class, DeskHistoryPage, add_event_popover);
  gtk_widget_class_bind_template_child (widget_class, DeskHistoryPage, event_text_row);
  gtk_widget_class_bind_template_child (widget_class, DeskHistoryPage, event_time_row);
  gtk_widget_class_bind_template_child (widget_class, DeskHistoryPage, event_error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_line_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_line_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_empty_add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_event_popover_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_event_fields_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_event_activated_cb);
}

static void
desk_history_page_init (DeskHistoryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  desk_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
  desk_a11y_name_entry_row_apply (self->event_text_row);
  desk_a11y_name_entry_row_apply (self->event_time_row);
}

/* }}} */
/* Private API {{{ */

/**
 * _desk_history_page_add_event:
 * @text: what happened
 * @when: when it happened, as people type it ("2026-04-14 09:30"), in the local time zone
 *
 * Checks @text and @when and, if they are good, saves the event and reloads the page.
 *
 * Returns: %FALSE with @error set when @text is empty (%G_IO_ERROR_INVALID_DATA) or @when is
 *   not a date and time (%G_IO_ERROR_INVALID_ARGUMENT)
 */
gboolean
_desk_history_page_add_event (DeskHistoryPage  *self,
                              const char       *text,
                              const char       *when,
                              GError          **error)
{
  DeskIncidentPage *page = DESK_INCIDENT_PAGE (self);
  DeskStore *store = desk_incident_page_get_store (page);
  DeskIncident *incident = desk_incident_page_get_incident (page);
  g_autoptr(DeskEvent) event = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  DeskPageRequest *request;
  gint64 happened_at;

  g_return_val_if_fail (DESK_IS_HISTORY_PAGE (self), FALSE);
  g_return_val_if_fail (store != NULL && incident != NULL, FALSE);

  if (*stripped == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Say what happened"));
      return FALSE;
    }

  if (!desk_time_parse (when ? when : "", NULL, &happened_at, error))
    return FALSE;

  event = desk_event_new (incident, happened_at, stripped);
  desk_record_set_string (DESK_RECORD (event), "actor", desk_store_get_actor (store));

  request = desk_page_request_begin (self);
  request->failure = _("Could not add the event");
  desk_store_save_async (store, DESK_RECORD (event), desk_incident_page_get_cancellable (page),
                         desk_page_request_reload_cb, request);
  return TRUE;
}

/* Removes @event, with an undo toast. */
void
_desk_history_page_remove_event (DeskHistoryPage *self,
                                 DeskEvent       *event)
{
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  DeskPageRemoval *removal;

  g_return_if_fail (DESK_IS_HISTORY_PAGE (self));
  g_return_if_fail (DESK_IS_EVENT (event));

  /* The toast title is markup. */
  text = g_utf8_substring (desk_record_get_string (DESK_RECORD (event), "text"), 0, 40);
  escaped = g_markup_escape_text (text, -1);
  title = g_strdup_printf (_("Event “%s” removed"), escaped);
  removal = desk_page_removal_new (self, title, _("Could not remove the event"),
                                   _("Could not restore the event"), NULL);
  desk_page_removal_add (removal, event);
  desk_page_removal_run (removal);
}

/* Returns: "loading", "empty" or "history" */
const char *
_desk_history_page_get_visible_state (DeskHistoryPage *self)
{
  g_return_val_if_fail (DESK_IS_HISTORY_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/* Returns: (transfer none): the list's items, #DeskHistoryLine objects */
GListModel *
_desk_history_page_get_lines (DeskHistoryPage *self)
{
  g_return_val_if_fail (DESK_IS_HISTORY_PAGE (self), NULL);

  return G_LIST_MODEL (self->lines);
}

/* }}} */
