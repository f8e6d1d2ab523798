/* desk-remediation-page.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskRemediationPage shows an incident's remediation checklists, one DeskChecklistView each, and
 * adds new ones from the built-in templates (MFA rollout, ASM, patching, credential reset) or
 * empty, as chosen in its DeskAddChecklistPopover. The page is the only part that talks to the
 * store: the views and item rows inside it call the page's private API
 * (desk-remediation-page-private.h), so that every request shares the page's cancellable and
 * "loading" count. A template becomes a checklist on a worker thread (desk_template_instantiate()
 * is synchronous); its due dates count from the incident's detection. Removing an item or a
 * checklist leaves a tombstone that the toast's Undo lifts. */

#define G_LOG_DOMAIN "desk-remediation-page"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-add-checklist-popover.h"
#include "desk-checklist-view.h"
#include "desk-folding-row.h"
#include "desk-gui-utils.h"
#include "desk-page-utils.h"
#include "desk-remediation-text.h"
#include "desk-report-button.h"
#include "desk-template.h"
#include "desk-remediation-page-private.h"

struct _DeskRemediationPage
{
  DeskIncidentPage         parent_instance;

  /* Template widgets */
  GtkLabel                *summary_label;
  GtkMenuButton           *add_checklist_button;
  DeskAddChecklistPopover *templates_popover;
  GtkStack                *stack;
  GtkBox                  *checklists_box;

  /* Owned */
  GPtrArray               *templates;  /* DeskTemplate, the built-in ones */
  GHashTable              *views;      /* checklist id → DeskChecklistView (the box owns them) */

  guint                    serial;     /* the newest reload; answers to older ones are dropped */
  gint64                   added_id;     /* a checklist just added, to show after the reload */
  gboolean                 rename_added; /* ... and to name first, as it was added empty */
};

G_DEFINE_FINAL_TYPE (DeskRemediationPage, desk_remediation_page, DESK_TYPE_INCIDENT_PAGE)

/* Helpers {{{ */

static DeskStore *
get_store (DeskRemediationPage *self)
{
  return desk_incident_page_get_store (DESK_INCIDENT_PAGE (self));
}

static GCancellable *
get_cancellable (DeskRemediationPage *self)
{
  return desk_incident_page_get_cancellable (DESK_INCIDENT_PAGE (self));
}

/* Returns: (transfer full): a request about @record (nullable) of the checklist @checklist_id,
 *   counted as loading */
static DeskPageRequest *
begin_request (DeskRemediationPage *self,
               gint64               checklist_id,
               gpointer             record,
               const char          *failure)
{
  DeskPageRequest *request = desk_page_request_begin (self);

  request->id = checklist_id;
  if (record != NULL)
    request->record = g_object_ref (record);
  request->failure = failure;
  return request;
}

static gint64
checklist_id_of (gpointer item)
{
  return desk_record_get_int (DESK_RECORD (item), "checklist-id");
}

/* Returns: (transfer full): @text shortened and escaped for a toast title, which is markup */
static char *
toast_quote (const char *text)
{
  g_autofree char *flat = g_strdelimit (g_strdup (text ? text : ""), "\r\n\t", ' ');
  g_autofree char *shortened = NULL;

  if (g_utf8_strlen (flat, -1) > 40)
    {
      g_autofree char *start = g_utf8_substring (flat, 0, 39);

      shortened = g_strconcat (g_strchomp (start), "…", NULL);
    }
  else
    shortened = g_steal_pointer (&flat);

  return g_markup_escape_text (shortened, -1);
}

static DeskChecklistView *
lookup_view (DeskRemediationPage *self,
             gint64               checklist_id)
{
  return g_hash_table_lookup (self->views, &checklist_id);
}

static void
update_summary (DeskRemediationPage *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  guint n_checklists = g_hash_table_size (self->views);
  guint n_items = 0, n_complete = 0, n_overdue = 0;
  GHashTableIter iter;
  gpointer view;

  g_hash_table_iter_init (&iter, self->views);
  while (g_hash_table_iter_next (&iter, NULL, &view))
    for (guint i = 0; i < desk_checklist_view_get_n_items (view); i++)
      {
        DeskChecklistItemRow *row = desk_checklist_view_get_item_row (view, i);
        DeskRecord *item = DESK_RECORD (desk_checklist_item_row_get_item (row));

        n_items++;
        n_complete += desk_item_status_is_complete (desk_record_get_enum (item, "status"));
        n_overdue += desk_checklist_item_row_is_overdue (row);
      }

  if (n_checklists == 0)
    {
      gtk_label_set_label (self->summary_label, "");
      return;
    }

  g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u checklist", "%u checklists",
                                                     n_checklists), n_checklists));
  /* Translators: how many items of all checklists are done, e.g. "12 of 40 items done" */
  g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u of %u item done", "%u of %u items done",
                                                     n_items), n_complete, n_items));
  if (n_overdue > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u overdue", "%u overdue", n_overdue),
                                             n_overdue));
  g_ptr_array_add (parts, NULL);

  /* Translators: between the parts of the remediation summary, "3 checklists · 5 overdue" */
  text = g_strjoinv (_(" · "), (char **) parts->pdata);
  gtk_label_set_label (self->summary_label, text);
}

static void
clear_views (DeskRemediationPage *self)
{
  GtkWidget *child;

  g_hash_table_remove_all (self->views);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->checklists_box))) != NULL)
    gtk_box_remove (self->checklists_box, child);
}

/* Shows @checklists, in their order, with @items (of any of them). Views of checklists already
 * shown stay, so that focus and expanded rows survive a reload. */
static void
show_checklists (DeskRemediationPage *self,
                 GPtrArray           *checklists,
                 GPtrArray           *items)
{
  g_autoptr(GHashTable) by_checklist = NULL;
  g_autoptr(GHashTable) keep = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) no_items = g_ptr_array_new ();
  gint64 now = _desk_remediation_page_now (self);
  GtkWidget *previous = NULL;
  DeskChecklistView *added = NULL;
  GHashTableIter iter;
  gpointer key, value;

  by_checklist = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                        (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < items->len; i++)
    {
      DeskRecord *item = g_ptr_array_index (items, i);
      gint64 checklist_id = desk_record_get_int (item, "checklist-id");
      GPtrArray *list = g_hash_table_lookup (by_checklist, &checklist_id);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_checklist, g_memdup2 (&checklist_id, sizeof checklist_id), list);
        }
      g_ptr_array_add (list, item);
    }

  for (guint i = 0; i < checklists->len; i++)
    {
      DeskRecord *checklist = g_ptr_array_index (checklists, i);
      gint64 id = desk_record_get_id (checklist);
      DeskChecklistView *view = lookup_view (self, id);
      GPtrArray *list = g_hash_table_lookup (by_checklist, &id);

      if (view != NULL)
        desk_record_assign (DESK_RECORD (desk_checklist_view_get_checklist (view)), checklist);
      else
        {
          view = DESK_CHECKLIST_VIEW (desk_checklist_view_new (DESK_CHECKLIST (checklist)));
          gtk_box_append (self->checklists_box, GTK_WIDGET (view));
          g_hash_table_insert (self->views, g_memdup2 (&id, sizeof id), view);
        }

      gtk_box_reorder_child_after (self->checklists_box, GTK_WIDGET (view), previous);
      previous = GTK_WIDGET (view);

      desk_checklist_view_set_items (view, list ? list : no_items, now);
      g_hash_table_lookup_extended (self->views, &id, &key, NULL);
      g_hash_table_add (keep, key);

      if (id == self->added_id)
        added = view;
    }

  g_hash_table_iter_init (&iter, self->views);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (keep, key))
      {
        gtk_box_remove (self->checklists_box, value);
        g_hash_table_iter_remove (&iter);
      }

  update_summary (self);
  gtk_stack_set_visible_child_name (self->stack, checklists->len > 0 ? "checklists" : "empty");

  /* It goes after the others, likely below the fold. */
  if (added != NULL)
    {
      if (self->rename_added)
        desk_checklist_view_start_renaming (added);
      desk_checklist_view_reveal (added);
      self->added_id = 0;
    }
}

/* Reads the items of one checklist again, e.g. after a move renumbered them. */
static void reload_items (DeskRemediationPage *self,
                          gint64               checklist_id);

/* }}} */
/* Templates {{{ */

typedef struct
{
  DeskStore    *store;
  DeskTemplate *template;
  DeskIncident *incident;
} Instantiate;

static void
instantiate_free (gpointer data)
{
  Instantiate *instantiate = data;

  g_clear_object (&instantiate->store);
  g_clear_object (&instantiate->template);
  g_clear_object (&instantiate->incident);
  g_free (instantiate);
}

static void
instantiate_worker (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  Instantiate *instantiate = task_data;
  GError *error = NULL;
  DeskChecklist *checklist;

  checklist = desk_template_instantiate (instantiate->template, instantiate->store,
                                         instantiate->incident, &error);
  if (checklist == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, checklist, g_object_unref);
}

static void
on_template_instantiated_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  g_autoptr(DeskPageRequest) request = user_data;
  DeskRemediationPage *self = DESK_REMEDIATION_PAGE (request->page);
  Instantiate *instantiate = g_task_get_task_data (G_TASK (result));
  g_autoptr(DeskChecklist) checklist = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *toast = NULL;
  guint n_items;

  checklist = g_task_propagate_pointer (G_TASK (result), &error);
  if (checklist == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      desk_show_error (GTK_WIDGET (self), _("Could not add the checklist"), error);
      desk_page_request_end (request);
      return;
    }

  self->added_id = desk_record_get_id (DESK_RECORD (checklist));
  self->rename_added = FALSE;
  desk_incident_page_reload (DESK_INCIDENT_PAGE (self));

  n_items = desk_template_get_n_items (instantiate->template);
  title = toast_quote (desk_record_get_string (DESK_RECORD (checklist), "title"));
  toast = g_strdup_printf (ngettext ("Checklist “%s” added with %u item",
                                     "Checklist “%s” added with %u items", n_items),
                           title, n_items);
  desk_show_toast (GTK_WIDGET (self), toast);

  desk_page_request_end (request);
}

/* }}} */
/* Callbacks {{{ */

static void
on_checklists_items_loaded_cb (GObject      *object,
                               GAsyncResult *result,
                               gpointer      user_data)
{
  g_autoptr(DeskPageRequest) request = user_data;
  DeskRemediationPage *self = DESK_REMEDIATION_PAGE (request->page);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  items = desk_store_list_finish (DESK_STORE (object), result, &error);
  if (items == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (request->serial == self->serial)
    {
      if (items == NULL)
        desk_show_error (GTK_WIDGET (self), _("Could not read the checklists"), error);
      else
        show_checklists (self, request->records, items);
    }

  desk_page_request_end (request);
}

static void
on_checklists_loaded_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(DeskPageRequest) request = user_data;
  DeskRemediationPage *self = DESK_REMEDIATION_PAGE (request->page);
  g_autoptr(GError) error = NULL;

  request->records = desk_store_list_finish (DESK_STORE (object), result, &error);
  if (request->records == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (request->serial != self->serial || request->records == NULL)
    {
      if (request->records == NULL)
        desk_show_error (GTK_WIDGET (self), _("Could not read the checklists"), error);
      desk_page_request_end (request);
      return;
    }

  /* One request for the items of all checklists, rather than one per checklist. */
  desk_store_list_async (DESK_STORE (object), DESK_TYPE_CHECKLIST_ITEM, "incident-id",
                         desk_incident_page_get_incident_id (DESK_INCIDENT_PAGE (self)),
                         get_cancellable (self),
                         on_checklists_items_loaded_cb, g_steal_pointer (&request));
}

static void
on_items_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(DeskPageRequest) request = user_data;
  DeskRemediationPage *self = DESK_REMEDIATION_PAGE (request->page);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  DeskChecklistView *view;

  items = desk_store_list_finish (DESK_STORE (object), result, &error);
  if (items == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (items == NULL)
    desk_show_error (GTK_WIDGET (self), _("Could not read the checklist’s items"), error);
  else if ((view = lookup_view (self, request->id)) != NULL)
    {
      desk_checklist_view_set_items (view, items, _desk_remediation_page_now (self));
      update_summary (self);
    }

  desk_page_request_end (request);
}

static void
reload_items (DeskRemediationPage *self,
              gint64               checklist_id)
{
  desk_store_list_async (get_store (self), DESK_TYPE_CHECKLIST_ITEM, "checklist-id",
                         checklist_id, get_cancellable (self), on_items_loaded_cb,
                         begin_request (self, checklist_id, NULL, NULL));
}

/* After a change to one item of a checklist: its items again, or, if it failed, too. */
static void
on_item_changed_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(DeskPageRequest) request = user_data;
  DeskRemediationPage *self = DESK_REMEDIATION_PAGE (request->page);

  /* A move renumbers the siblings and a new item needs a row: read them again. A failed save
   * shows what is stored again. A good save has already updated the row. */
  if (desk_page_request_finish (request, object, result) && request->record != NULL)
    update_summary (self);
  else if (!request->cancelled)
    reload_items (self, request->id);

  desk_page_request_end (request);
}

/* After an item was removed or restored: the items of its checklist again. */
static void
reload_item_checklist (DeskIncidentPage *page,
                       DeskRecord       *item)
{
  DeskRemediationPage *self = DESK_REMEDIATION_PAGE (page);
  gint64 checklist_id = checklist_id_of (item);

  if (lookup_view (self, checklist_id) != NULL)
    reload_items (self, checklist_id);
}

static void
on_checklist_saved_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(DeskPageRequest) request = user_data;
  DeskRemediationPage *self = DESK_REMEDIATION_PAGE (request->page);

  if (desk_page_request_finish (request, object, result))
    {
      /* A new, empty checklist: name it first. */
      if (request->id == 0)
        {
          self->added_id = desk_record_get_id (request->record);
          self->rename_added = TRUE;
          desk_incident_page_reload (request->page);
        }
    }
  else if (!request->cancelled)
    desk_incident_page_reload (request->page);

  desk_page_request_end (request);
}

static void
on_template_chosen_cb (DeskRemediationPage *self,
                       const char          *template_id)
{
  _desk_remediation_page_add_checklist (self, template_id);
}

static void
on_empty_add_clicked_cb (DeskRemediationPage *self)
{
  gtk_menu_button_popup (self->add_checklist_button);
}

/* }}} */
/* DeskIncidentPage {{{ */

static void
desk_remediation_page_reload (DeskIncidentPage *page)
{
  DeskRemediationPage *self = DESK_REMEDIATION_PAGE (page);
  DeskStore *store = desk_incident_page_get_store (page);
  DeskIncident *incident = desk_incident_page_get_incident (page);
  gint64 incident_id = desk_incident_page_get_incident_id (page);
  DeskPageRequest *request;

  self->serial++;
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_checklist_button),
                            store != NULL && incident != NULL);

  /* Another incident's checklists share nothing with these: start afresh. */
  if (g_hash_table_size (self->views) > 0)
    {
      GHashTableIter iter;
      gpointer view;

      g_hash_table_iter_init (&iter, self->views);
      if (g_hash_table_iter_next (&iter, NULL, &view) &&
          desk_record_get_int (DESK_RECORD (desk_checklist_view_get_checklist (view)),
                               "incident-id") != incident_id)
        clear_views (self);
    }

  if (store == NULL || incident == NULL)
    {
      clear_views (self);
      update_summary (self);
      gtk_stack_set_visible_child_name (self->stack, "loading");
      return;
    }

  request = desk_page_request_begin (self);
  request->serial = self->serial;
  desk_store_list_async (store, DESK_TYPE_CHECKLIST, "incident-id", incident_id,
                         desk_incident_page_get_cancellable (page),
                         on_checklists_loaded_cb, request);
}

/* }}} */
/* GObject {{{ */

static void
desk_remediation_page_dispose (GObject *object)
{
  DeskRemediationPage *self = DESK_REMEDIATION_PAGE (object);

  g_clear_pointer (&self->views, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_REMEDIATION_PAGE);
  g_clear_pointer (&self->templates, g_ptr_array_unref);

  G_OBJECT_CLASS (desk_remediation_page_parent_class)->dispose (object);
}

static void
desk_remediation_page_class_init (DeskRemediationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DeskIncidentPageClass *page_class = DESK_INCIDENT_PAGE_CLASS (klass);

  object_class->dispose = desk_remediation_page_dispose;

  page_class->reload = desk_remediation_page_reload;

  g_type_ensure (DESK_TYPE_ADD_CHECKLIST_POPOVER);
  g_type_ensure (DESK_TYPE_CHECKLIST_VIEW);
  g_type_ensure (DESK_TYPE_FOLDING_ROW);
  g_type_ensure (DESK_TYPE_REPORT_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/desk-remediation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskRemediationPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, DeskRemediationPage, add_checklist_button);
  gtk_widget_class_bind_template_child (widget_class, DeskRemediationPage, templates_popover);
  gtk_widget_class_bind_template_child (widget_class, DeskRemediationPage, stack);
  gtk_widget_class_bind_template_child (widget_class, DeskRemediationPage, checklists_box);
  gtk_widget_class_bind_template_callback (widget_class, on_template_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_empty_add_clicked_cb);
}

static void
desk_remediation_page_init (DeskRemediationPage *self)
{
  g_autoptr(GError) error = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->views = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  self->templates = desk_template_load_builtin (&error);
  if (self->templates == NULL)
    {
      g_warning ("Could not load the checklist templates: %s", error->message);
      self->templates = g_ptr_array_new_with_free_func (g_object_unref);
    }
  desk_add_checklist_popover_set_templates (self->templates_popover, self->templates);

}

/* }}} */
/* Private API {{{ */

/* Returns: the store's idea of now, which tests can fix */
gint64
_desk_remediation_page_now (DeskRemediationPage *self)
{
  DeskStore *store = get_store (self);

  return store ? desk_store_now (store) : g_get_real_time () / G_USEC_PER_SEC;
}

/* Saves @item, changed in place by its row. */
void
_desk_remediation_page_save_item (DeskRemediationPage *self,
                                  DeskChecklistItem   *item)
{
  g_return_if_fail (DESK_IS_REMEDIATION_PAGE (self));
  g_return_if_fail (DESK_IS_CHECKLIST_ITEM (item));

  if (get_store (self) == NULL)
    return;

  desk_store_save_async (get_store (self), DESK_RECORD (item), get_cancellable (self),
                         on_item_changed_cb,
                         begin_request (self, checklist_id_of (item), item,
                                        _("Could not save the checklist item")));
}

/* Moves @item to @position among its checklist's items; the view follows. */
void
_desk_remediation_page_move_item (DeskRemediationPage *self,
                                  DeskChecklistItem   *item,
                                  guint                position)
{
  g_return_if_fail (DESK_IS_REMEDIATION_PAGE (self));
  g_return_if_fail (DESK_IS_CHECKLIST_ITEM (item));

  if (get_store (self) == NULL)
    return;

  desk_store_move_async (get_store (self), DESK_RECORD (item), position, get_cancellable (self),
                         on_item_changed_cb,
                         begin_request (self, checklist_id_of (item), NULL,
                                        _("Could not save the checklist item")));
}

/* Removes @item, with an undo toast. */
void
_desk_remediation_page_remove_item (DeskRemediationPage *self,
                                    DeskChecklistItem   *item)
{
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  DeskPageRemoval *removal;

  g_return_if_fail (DESK_IS_REMEDIATION_PAGE (self));
  g_return_if_fail (DESK_IS_CHECKLIST_ITEM (item));

  if (get_store (self) == NULL)
    return;

  text = toast_quote (desk_record_get_string (DESK_RECORD (item), "text"));
  title = g_strdup_printf (_("Item “%s” removed"), text);
  removal = desk_page_removal_new (self, title, _("Could not remove the item"),
                                   _("Could not restore the item"), reload_item_checklist);
  desk_page_removal_add (removal, item);
  desk_page_removal_run (removal);
}

/* Adds an item saying @text at the end of @checklist. */
void
_desk_remediation_page_add_item (DeskRemediationPage *self,
                                 DeskChecklist       *checklist,
                                 const char          *text)
{
  DeskChecklistView *view;
  g_autoptr(DeskChecklistItem) item = NULL;
  gint64 id = desk_record_get_id (DESK_RECORD (checklist));
  gint64 position = 0;

  g_return_if_fail (DESK_IS_REMEDIATION_PAGE (self));
  g_return_if_fail (DESK_IS_CHECKLIST (checklist));
  g_return_if_fail (text != NULL && *text != '\0');

  if (get_store (self) == NULL)
    return;

  if ((view = lookup_view (self, id)) != NULL)
    for (guint i = 0; i < desk_checklist_view_get_n_items (view); i++)
      {
        DeskChecklistItemRow *row = desk_checklist_view_get_item_row (view, i);
        DeskRecord *other = DESK_RECORD (desk_checklist_item_row_get_item (row));

        position = MAX (position, desk_record_get_int (other, "position") + 1);
      }

  item = desk_checklist_item_new (checklist, text);
  desk_record_set_int (DESK_RECORD (item), "position", position);

  desk_store_save_async (get_store (self), DESK_RECORD (item), get_cancellable (self),
                         on_item_changed_cb,
                         begin_request (self, id, NULL, _("Could not save the checklist item")));
}

/* Saves @checklist, renamed in place by its view. */
void
_desk_remediation_page_save_checklist (DeskRemediationPage *self,
                                       DeskChecklist       *checklist)
{
  g_return_if_fail (DESK_IS_REMEDIATION_PAGE (self));
  g_return_if_fail (DESK_IS_CHECKLIST (checklist));

  if (get_store (self) == NULL)
    return;

  desk_store_save_async (get_store (self), DESK_RECORD (checklist), get_cancellable (self),
                         on_checklist_saved_cb,
                         begin_request (self, desk_record_get_id (DESK_RECORD (checklist)),
                                        checklist, _("Could not save the checklist")));
}

/**
 * _desk_remediation_page_delete_checklist:
 * @confirm: whether to ask first
 *
 * Deletes @checklist with its items out of view, with an undo toast.
 */
void
_desk_remediation_page_delete_checklist (DeskRemediationPage *self,
                                         DeskChecklist       *checklist,
                                         gboolean             confirm)
{
  DeskRecord *record = DESK_RECORD (checklist);
  DeskChecklistView *view;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  DeskPageRemoval *removal;
  guint n_items;

  g_return_if_fail (DESK_IS_REMEDIATION_PAGE (self));
  g_return_if_fail (DESK_IS_CHECKLIST (checklist));

  if (get_store (self) == NULL)
    return;

  text = toast_quote (desk_record_get_string (record, "title"));
  title = g_strdup_printf (_("Checklist “%s” deleted"), text);
  removal = desk_page_removal_new (self, title, _("Could not delete the checklist"),
                                   _("Could not restore the checklist"), NULL);
  desk_page_removal_add (removal, record);

  if (!confirm)
    {
      desk_page_removal_run (removal);
      return;
    }

  view = lookup_view (self, desk_record_get_id (record));
  n_items = view ? desk_checklist_view_get_n_items (view) : 0;

  heading = g_strdup_printf (_("Delete “%s”?"), desk_record_get_string (record, "title"));
  if (n_items > 0)
    body = g_strdup_printf (ngettext ("Its %u item goes with it. You can undo this for a few "
                                      "seconds.",
                                      "Its %u items go with it. You can undo this for a few "
                                      "seconds.", n_items), n_items);
  else
    body = g_strdup (_("You can undo this for a few seconds."));

  desk_page_removal_confirm (removal, heading, body, _("_Delete"));
}

/**
 * _desk_remediation_page_add_checklist:
 * @template_id: (nullable): the id of a built-in template, e.g. "patching", or %NULL or "" for an
 *   empty checklist
 *
 * Adds a checklist to the incident, after its others.
 */
void
_desk_remediation_page_add_checklist (DeskRemediationPage *self,
                                      const char          *template_id)
{
  DeskIncident *incident = desk_incident_page_get_incident (DESK_INCIDENT_PAGE (self));
  DeskStore *store = get_store (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  DeskTemplate *template;
  Instantiate *instantiate;

  g_return_if_fail (DESK_IS_REMEDIATION_PAGE (self));

  if (store == NULL || incident == NULL)
    return;

  if (template_id == NULL || *template_id == '\0')
    {
      g_autoptr(DeskChecklist) checklist = desk_checklist_new (incident, _("New Checklist"));
      gint64 position = 0;
      GHashTableIter iter;
      gpointer view;

      g_hash_table_iter_init (&iter, self->views);
      while (g_hash_table_iter_next (&iter, NULL, &view))
        position = MAX (position,
                        desk_record_get_int (DESK_RECORD (desk_checklist_view_get_checklist (view)),
                                             "position") + 1);
      desk_record_set_int (DESK_RECORD (checklist), "position", position);

      desk_store_save_async (store, DESK_RECORD (checklist), get_cancellable (self),
                             on_checklist_saved_cb,
                             begin_request (self, 0, checklist, _("Could not save the checklist")));
      return;
    }

  template = desk_template_find (self->templates, template_id, &error);
  if (template == NULL)
    {
      desk_show_error (GTK_WIDGET (self), _("Could not add the checklist"), error);
      return;
    }

  /* The worker reads a copy of the incident: the Overview page may be editing this one. */
  instantiate = g_new0 (Instantiate, 1);
  instantiate->store = g_object_ref (store);
  instantiate->template = g_object_ref (template);
  instantiate->incident = DESK_INCIDENT (desk_record_copy (DESK_RECORD (incident)));

  /* No source object: the task may be freed on the worker thread, and widgets must not be. */
  task = g_task_new (NULL, get_cancellable (self), on_template_instantiated_cb,
                     desk_page_request_begin (self));
  g_task_set_source_tag (task, _desk_remediation_page_add_checklist);
  g_task_set_task_data (task, instantiate, instantiate_free);
  g_task_run_in_thread (task, instantiate_worker);
}

/* Returns: "loading", "empty" or "checklists" */
const char *
_desk_remediation_page_get_visible_state (DeskRemediationPage *self)
{
  g_return_val_if_fail (DESK_IS_REMEDIATION_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

guint
_desk_remediation_page_get_n_checklists (DeskRemediationPage *self)
{
  g_return_val_if_fail (DESK_IS_REMEDIATION_PAGE (self), 0);

  return g_hash_table_size (self->views);
}

/* Returns: (transfer none) (nullable): the DeskChecklistView at @index, in the page's order */
GtkWidget *
_desk_remediation_page_get_checklist_view (DeskRemediationPage *self,
                                           guint                index)
{
  GtkWidget *child;

  g_return_val_if_fail (DESK_IS_REMEDIATION_PAGE (self), NULL);

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->checklists_box));
       child != NULL && index > 0;
       child = gtk_widget_get_next_sibling (child))
    index--;

  return child;
}

/* }}} */
