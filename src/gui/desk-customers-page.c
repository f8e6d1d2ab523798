/* desk-customers-page.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskCustomersPage lists the customers an incident affects, in a DeskCustomerListView with
 * the columns of the contract and of how the incident affects it (breach categories, exposure,
 * accounts). Adding, editing and removing go through DeskCustomerDialog and the store's
 * asynchronous calls. */

#define G_LOG_DOMAIN "desk-customers-page"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-a11y.h"
#include "desk-customer-columns.h"
#include "desk-customer-dialog.h"
#include "desk-customer-list-view-private.h"
#include "desk-gui-utils.h"
#include "desk-labels.h"
#include "desk-page-utils.h"
#include "desk-customers-page-private.h"

struct _DeskCustomersPage
{
  DeskIncidentPage      parent_instance;

  /* Template widgets */
  GtkStack             *stack;        /* the child, not bound: see the template */
  DeskCustomerListView *list_view;

  /* Owned */
  GPtrArray            *categories;   /* DeskCategory, for the Categories column */
};

G_DEFINE_FINAL_TYPE (DeskCustomersPage, desk_customers_page, DESK_TYPE_INCIDENT_PAGE)

/* Helpers {{{ */

static void
update_state (DeskCustomersPage *self)
{
  gboolean has_incident = desk_incident_page_get_incident (DESK_INCIDENT_PAGE (self)) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.add",
                                 has_incident && self->categories != NULL);

  if (!desk_customer_list_view_is_loaded (self->list_view))
    gtk_stack_set_visible_child_name (self->stack, "loading");
  else if (desk_customer_list_view_get_n_items (self->list_view) == 0
           && !desk_customer_list_view_is_filtered (self->list_view))
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, "customers");
}

static GtkWindow *
get_parent_window (DeskCustomersPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static GtkSingleSelection *
get_selection (DeskCustomersPage *self)
{
  return GTK_SINGLE_SELECTION (desk_customer_list_view_get_selection (self->list_view));
}

static DeskCustomerRow *
get_selected_row (DeskCustomersPage *self)
{
  GtkSingleSelection *selection = get_selection (self);

  return selection ? gtk_single_selection_get_selected_item (selection) : NULL;
}

static void
update_row_actions (DeskCustomersPage *self)
{
  gboolean has_row = get_selected_row (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.edit", has_row);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.remove", has_row);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.show-accounts", has_row);
}

/* }}} */
/* Removing {{{ */

static void
reload_list (DeskIncidentPage *page,
             DeskRecord       *record)
{
  desk_customer_list_view_reload (DESK_CUSTOMERS_PAGE (page)->list_view);
}

static void
remove_row (DeskCustomersPage *self,
            DeskCustomerRow   *row)
{
  DeskNotification *notification = desk_customer_row_get_notification (row);
  const char *name = desk_customer_get_display_name (desk_customer_row_get_customer (row));
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  DeskPageRemoval *removal;

  /* Translators: %s is a customer's name */
  title = g_markup_printf_escaped (_("“%s” removed from the incident"), name);
  removal = desk_page_removal_new (self, title, _("Could not remove the customer"),
                                   _("Could not restore the customer"), reload_list);
  desk_page_removal_add (removal, desk_customer_row_get_affected (row));
  /* The customer's notice leaves the ledger and the notification figures with it. */
  if (notification != NULL)
    desk_page_removal_add (removal, notification);

  /* Translators: %s is a customer's name */
  body = g_strdup_printf (_("“%s” will no longer be listed as affected by this incident, and "
                            "its notice leaves the ledger."), name);
  desk_page_removal_confirm (removal, _("Remove Customer?"), body, _("_Remove"));
}

/* }}} */
/* Dialog {{{ */

static void
on_dialog_saved_cb (DeskCustomersPage  *self,
                    DeskCustomerDialog *dialog)
{
  if (desk_customer_dialog_get_row (dialog) == NULL)
    {
      g_autofree char *title = NULL;

      /* Translators: %s is a customer's name: the one entered, or that of the customer on record
       * with the contract ID entered */
      title = g_markup_printf_escaped (_("“%s” added to the incident"),
                                       desk_customer_get_display_name (
                                         desk_customer_dialog_get_customer (dialog)));
      desk_show_toast (GTK_WIDGET (self), title);
    }

  desk_customer_list_view_reload (self->list_view);
}

static void
on_dialog_remove_requested_cb (DeskCustomersPage *self,
                               DeskCustomerRow   *row)
{
  remove_row (self, row);
}

static DeskCustomerDialog *
open_dialog (DeskCustomersPage *self,
             DeskCustomerRow   *row)
{
  DeskIncidentPage *page = DESK_INCIDENT_PAGE (self);
  DeskCustomerDialog *dialog;

  if (desk_incident_page_get_store (page) == NULL || desk_incident_page_get_incident (page) == NULL)
    return NULL;

  dialog = desk_customer_dialog_new (get_parent_window (self),
                                     desk_incident_page_get_store (page),
                                     desk_incident_page_get_incident (page),
                                     self->categories, row);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "remove-requested", G_CALLBACK (on_dialog_remove_requested_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

/* }}} */
/* Cells {{{ */

static char *
categories_cell (DeskCustomerRow  *row,
                 const char      **css_class,
                 gpointer          user_data)
{
  DeskCustomersPage *self = user_data;
  gint64 mask = desk_record_get_int (DESK_RECORD (desk_customer_row_get_affected (row)),
                                     "categories");
  GString *text = g_string_new (NULL);

  for (guint i = 0; self->categories != NULL && i < self->categories->len; i++)
    {
      DeskRecord *category = g_ptr_array_index (self->categories, i);

      if (!((mask >> desk_record_get_int (category, "bit")) & 1))
        continue;
      if (text->len > 0)
        /* Translators: separates the names of breach categories in a list */
        g_string_append (text, _(", "));
      g_string_append (text, desk_record_get_string (category, "name"));
    }

  return g_string_free (text, FALSE);
}

static char *
exposure_cell (DeskCustomerRow  *row,
               const char      **css_class,
               gpointer          user_data)
{
  DeskExposure exposure = desk_record_get_enum (DESK_RECORD (desk_customer_row_get_affected (row)),
                                                "exposure");

  if (exposure == DESK_EXPOSURE_CLEARED)
    *css_class = "dim-label";

  return g_strdup (desk_exposure_label (exposure));
}

static char *
accounts_cell (DeskCustomerRow  *row,
               const char      **css_class,
               gpointer          user_data)
{
  return desk_format_count (desk_customer_row_get_potential_accounts (row));
}

static char *
confirmed_cell (DeskCustomerRow  *row,
                const char      **css_class,
                gpointer          user_data)
{
  gint64 confirmed = desk_customer_row_get_confirmed_accounts (row);

  if (confirmed == 0)
    *css_class = "dim-label";

  return desk_format_count (confirmed);
}

/* }}} */
/* Callbacks {{{ */

static void
on_list_view_row_activated_cb (DeskCustomersPage *self,
                               DeskCustomerRow   *row)
{
  open_dialog (self, row);
}

static void
on_list_view_selection_changed_cb (DeskCustomersPage *self)
{
  update_row_actions (self);
}

static void
on_list_view_loaded_cb (DeskCustomersPage *self,
                        const GError      *error)
{
  if (error != NULL)
    desk_show_error (GTK_WIDGET (self), _("Could not read the customers"), error);

  update_state (self);
}

static void
on_categories_loaded_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(DeskCustomersPage) self = user_data;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GError) error = NULL;

  categories = desk_store_list_finish (DESK_STORE (object), result, &error);
  if (categories == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      desk_show_error (GTK_WIDGET (self), _("Could not read the breach categories"), error);
      categories = g_ptr_array_new_with_free_func (g_object_unref);
    }

  g_clear_pointer (&self->categories, g_ptr_array_unref);
  self->categories = g_steal_pointer (&categories);

  /* The list comes second, so that its rows show their categories as soon as they appear. */
  desk_customer_list_view_reload (self->list_view);
  desk_incident_page_end_loading (DESK_INCIDENT_PAGE (self));
}

/* }}} */
/* Actions {{{ */

static void
desk_customers_page_add_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  open_dialog (DESK_CUSTOMERS_PAGE (widget), NULL);
}

static void
desk_customers_page_edit_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  DeskCustomersPage *self = DESK_CUSTOMERS_PAGE (widget);
  DeskCustomerRow *row = get_selected_row (self);

  if (row != NULL)
    open_dialog (self, row);
}

static void
desk_customers_page_remove_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  DeskCustomersPage *self = DESK_CUSTOMERS_PAGE (widget);
  DeskCustomerRow *row = get_selected_row (self);

  if (row != NULL)
    remove_row (self, row);
}

/* The Accounts page, narrowed to the customer: the window's business. */
static void
desk_customers_page_show_accounts_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  DeskCustomersPage *self = DESK_CUSTOMERS_PAGE (widget);
  DeskCustomerRow *row = get_selected_row (self);
  DeskCustomer *customer;
  const char *contract_id, *name;

  if (row == NULL)
    return;

  customer = desk_customer_row_get_customer (row);
  contract_id = desk_record_get_string (DESK_RECORD (customer), "contract-id");
  name = desk_customer_get_display_name (customer);
  gtk_widget_activate_action (widget, "win.show-accounts", "(xss)",
                              desk_record_get_id (DESK_RECORD (customer)),
                              contract_id ? contract_id : "", name ? name : "");
}

/* }}} */
/* DeskIncidentPage {{{ */

static void
desk_customers_page_reload (DeskIncidentPage *page)
{
  DeskCustomersPage *self = DESK_CUSTOMERS_PAGE (page);
  DeskStore *store = desk_incident_page_get_store (page);
  gint64 incident_id = desk_incident_page_get_incident_id (page);

  if (store == NULL || incident_id == 0)
    {
      desk_customer_list_view_set_incident (self->list_view, NULL, 0, NULL);
      g_clear_pointer (&self->categories, g_ptr_array_unref);
      update_state (self);
      return;
    }

  /* Another incident: a list of its own, keeping the search, filter and sort. */
  if (!desk_customer_list_view_shows_incident (self->list_view, store, incident_id))
    {
      g_autoptr(GError) error = NULL;

      if (!desk_customer_list_view_set_incident (self->list_view, store, incident_id, &error))
        {
          desk_show_error (GTK_WIDGET (self), _("Could not read the customers"), error);
          return;
        }
      update_state (self);
    }

  desk_incident_page_begin_loading (page);
  desk_store_list_async (store, DESK_TYPE_CATEGORY, "incident-id", incident_id,
                         desk_incident_page_get_cancellable (page),
                         on_categories_loaded_cb,
                         g_object_ref (self));
}

/* }}} */
/* GtkWidget {{{ */

/* Other pages change what this one shows (a status set on the ledger, a customer added): coming
 * back to it, it reads again. */
/* }}} */
/* GObject {{{ */

static void
desk_customers_page_dispose (GObject *object)
{
  DeskCustomersPage *self = DESK_CUSTOMERS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_CUSTOMERS_PAGE);
  self->stack = NULL;

  g_clear_pointer (&self->categories, g_ptr_array_unref);

  G_OBJECT_CLASS (desk_customers_page_parent_class)->dispose (object);
}

static void
desk_customers_page_class_init (DeskCustomersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DeskIncidentPageClass *page_class = DESK_INCIDENT_PAGE_CLASS (klass);

  object_class->dispose = desk_customers_page_dispose;
  page_class->reload = desk_customers_page_reload;

  g_type_ensure (DESK_TYPE_CUSTOMER_LIST_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/desk-customers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskCustomersPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_loaded_cb);

  gtk_widget_class_install_action (widget_class, "customers.add", NULL,
                                   desk_customers_page_add_action);
  gtk_widget_class_install_action (widget_class, "customers.edit", NULL,
                                   desk_customers_page_edit_action);
  gtk_widget_class_install_action (widget_class, "customers.remove", NULL,
                                   desk_customers_page_remove_action);
  gtk_widget_class_install_action (widget_class, "customers.show-accounts", NULL,
                                   desk_customers_page_show_accounts_action);

  /* The menu shows the last one added. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "customers.remove",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "customers.remove", NULL);
}

static void
desk_customers_page_init (DeskCustomersPage *self)
{
  GtkColumnViewColumn *contract_column;
  GtkColumnView *view;

  gtk_widget_init_template (GTK_WIDGET (self));
  desk_a11y_name_mnemonic_buttons (GTK_WIDGET (self));
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));

  view = desk_customer_list_view_get_column_view (self->list_view);
  /* The widths add up to what a 1280 px window leaves beside the sidebar */
  contract_column =
    desk_customer_columns_append (view, _("Contract"), DESK_CUSTOMER_SORT_CONTRACT, 100,
                                  DESK_COLUMN_NONE, desk_cell_customer_text, "contract-id");
  desk_customer_columns_append (view, _("Name"), DESK_CUSTOMER_SORT_NAME, 170,
                                DESK_COLUMN_EXPAND, desk_cell_customer_text, "name");
  desk_customer_columns_append (view, _("Account Manager"), DESK_CUSTOMER_SORT_ACCOUNT_MANAGER,
                                130, DESK_COLUMN_NONE, desk_cell_customer_text, "account-manager");
  desk_customer_columns_append (view, _("Categories"), DESK_COLUMN_NO_SORT, 160,
                                DESK_COLUMN_NONE, categories_cell, self);
  desk_customer_columns_append (view, _("Exposure"), DESK_CUSTOMER_SORT_EXPOSURE, 90,
                                DESK_COLUMN_NONE, exposure_cell, NULL);
  desk_customer_columns_append (view, _("Accounts"), DESK_CUSTOMER_SORT_ACCOUNTS, 80,
                                DESK_COLUMN_NUMERIC, accounts_cell, NULL);
  desk_customer_columns_append (view, C_("column", "Confirmed"), DESK_CUSTOMER_SORT_CONFIRMED,
                                85, DESK_COLUMN_NUMERIC, confirmed_cell, NULL);
  desk_customer_columns_append (view, _("Notice"), DESK_CUSTOMER_SORT_NOTIFICATION, 110,
                                DESK_COLUMN_NONE, desk_cell_notice_status, NULL);
  /* Draws the arrow on the order the list starts in */
  gtk_column_view_sort_by_column (view, contract_column, GTK_SORT_ASCENDING);

  update_state (self);
}

/* }}} */
/* For tests {{{ */

GtkColumnView *
_desk_customers_page_get_column_view (DeskCustomersPage *self)
{
  return desk_customer_list_view_get_column_view (self->list_view);
}

GListModel *
_desk_customers_page_get_list (DeskCustomersPage *self)
{
  return G_LIST_MODEL (desk_customer_list_view_get_list (self->list_view));
}

GtkEditable *
_desk_customers_page_get_search_entry (DeskCustomersPage *self)
{
  return _desk_customer_list_view_get_search_entry (self->list_view);
}

GtkDropDown *
_desk_customers_page_get_filter_dropdown (DeskCustomersPage *self)
{
  return _desk_customer_list_view_get_filter_dropdown (self->list_view);
}

/* Returns: "loading", "empty", "list" or "no-results" */
const char *
_desk_customers_page_get_state (DeskCustomersPage *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (page, "customers") == 0)
    return _desk_customer_list_view_get_state (self->list_view);

  return page;
}

const char *
_desk_customers_page_get_count_text (DeskCustomersPage *self)
{
  return _desk_customer_list_view_get_count_text (self->list_view);
}

/* Opens the dialog for the customer at @position, or for a new one with
 * GTK_INVALID_LIST_POSITION. */
DeskCustomerDialog *
_desk_customers_page_open_dialog (DeskCustomersPage *self,
                                  guint              position)
{
  g_autoptr(DeskCustomerRow) row = NULL;

  if (position != GTK_INVALID_LIST_POSITION)
    row = g_list_model_get_item (_desk_customers_page_get_list (self), position);

  return open_dialog (self, row);
}

void
_desk_customers_page_remove (DeskCustomersPage *self,
                             guint              position)
{
  g_autoptr(DeskCustomerRow) row = g_list_model_get_item (_desk_customers_page_get_list (self),
                                                          position);

  g_return_if_fail (row != NULL);
  remove_row (self, row);
}

/* Opens the row menu as a right click at (@x, @y) of the column view would. */
void
_desk_customers_page_popup_row_menu (DeskCustomersPage *self,
                                     double             x,
                                     double             y)
{
  _desk_customer_list_view_popup_row_menu (self->list_view, x, y);
}

GtkPopover *
_desk_customers_page_get_row_popover (DeskCustomersPage *self)
{
  return _desk_customer_list_view_get_row_popover (self->list_view);
}

guint
_desk_customers_page_get_selected (DeskCustomersPage *self)
{
  GtkSingleSelection *selection = get_selection (self);

  return selection ? gtk_single_selection_get_selected (selection) : GTK_INVALID_LIST_POSITION;
}

/* }}} */
