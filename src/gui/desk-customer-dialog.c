/* desk-customer-dialog.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* DeskCustomerDialog adds a customer to an incident, or edits one already on it: the contract
 * (shared by every incident) and how this incident affects it (exposure, breach categories).
 *
 * Adding goes through desk_store_add_affected_customer_async(): a contract ID already on record
 * (on another incident, say) names that customer, which is put on this incident as it is. Editing
 * writes the customer, then its DeskAffected record. Both run on the store's worker and emit
 * "saved" once stored. The dialog edits copies of the row's records, so a refused save (a contract
 * ID another customer has) leaves the list showing what the database holds; the copies are
 * assigned back once stored. */

#define G_LOG_DOMAIN "desk-customer-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-a11y.h"
#include "desk-dialog-utils.h"
#include "desk-gui-utils.h"
#include "desk-labels.h"
#include "desk-customer-dialog-private.h"

struct _DeskCustomerDialog
{
  AdwWindow          parent_instance;

  /* Template widgets */
  AdwWindowTitle    *window_title;
  GtkWidget         *save_button;
  AdwEntryRow       *contract_row;
  GtkLabel          *error_label;
  AdwEntryRow       *name_row;
  AdwEntryRow       *manager_row;
  AdwEntryRow       *contacts_row;
  GtkSpinButton     *hours_spin;
  AdwComboRow       *basis_row;
  AdwComboRow       *exposure_row;
  AdwPreferencesGroup *categories_group;
  GtkWidget         *remove_button;

  /* Owned */
  DeskStore         *store;
  DeskIncident      *incident;
  DeskCustomerRow   *row;          /* NULL when adding */
  GPtrArray         *categories;   /* DeskCategory */
  GPtrArray         *category_checks;  /* GtkCheckButton, parallel to categories */
  DeskCustomer      *customer;     /* the copy being saved */
  DeskAffected      *affected;     /* the copy being saved; NULL until the customer is stored */

  gboolean           saving;
};

G_DEFINE_FINAL_TYPE (DeskCustomerDialog, desk_customer_dialog, ADW_TYPE_WINDOW)

static guint signals[DESK_DIALOG_N_SIGNALS];

/* Helpers {{{ */

static char *
contract_text (DeskCustomerDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->contract_row))));
}

static void
update_actions (DeskCustomerDialog *self)
{
  g_autofree char *contract = contract_text (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.save",
                                 !self->saving && *contract != '\0');
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.remove",
                                 !self->saving && self->row != NULL);
}

static void
set_error (DeskCustomerDialog *self,
           const char         *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);

  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->contract_row), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->contract_row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->contract_row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->contract_row), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->contract_row),
                                  GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->contract_row),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
add_category_rows (DeskCustomerDialog *self)
{
  gint64 mask = 0;

  if (self->row != NULL)
    mask = desk_record_get_int (DESK_RECORD (desk_customer_row_get_affected (self->row)),
                                "categories");

  if (self->categories == NULL || self->categories->len == 0)
    {
      adw_preferences_group_set_description (self->categories_group,
                                             _("This incident has no breach categories yet. "
                                               "Add them on its Overview page."));
      return;
    }

  adw_preferences_group_set_description (self->categories_group,
                                         _("The kinds of data of this customer the breach "
                                           "reached."));

  for (guint i = 0; i < self->categories->len; i++)
    {
      DeskRecord *category = g_ptr_array_index (self->categories, i);
      gint64 bit = desk_record_get_int (category, "bit");
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     desk_record_get_string (category, "name"));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), (mask >> bit) & 1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL,
                                      -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->categories_group, row);
      g_ptr_array_add (self->category_checks, check);
    }
}

static void
fill_form (DeskCustomerDialog *self)
{
  DeskRecord *customer, *affected;

  if (self->row == NULL)
    {
      desk_dialog_set_title (GTK_WINDOW (self), self->window_title, self->save_button,
                             _("Add Customer"), TRUE);
      adw_combo_row_set_selected (self->exposure_row, DESK_EXPOSURE_POTENTIAL);
      add_category_rows (self);
      return;
    }

  customer = DESK_RECORD (desk_customer_row_get_customer (self->row));
  affected = DESK_RECORD (desk_customer_row_get_affected (self->row));

  desk_dialog_set_title (GTK_WINDOW (self), self->window_title, self->save_button,
                         _("Edit Customer"), FALSE);
  adw_window_title_set_subtitle (self->window_title, desk_record_get_string (customer, "name"));
  gtk_widget_set_visible (self->remove_button, TRUE);

#define SET_TEXT(row, field) \
  gtk_editable_set_text (GTK_EDITABLE (row), desk_record_get_string (customer, field) ?: "")
  SET_TEXT (self->contract_row, "contract-id");
  SET_TEXT (self->name_row, "name");
  SET_TEXT (self->manager_row, "account-manager");
  SET_TEXT (self->contacts_row, "contacts");
#undef SET_TEXT

  gtk_spin_button_set_value (self->hours_spin, desk_record_get_int (customer, "notice-hours"));
  adw_combo_row_set_selected (self->basis_row, desk_record_get_enum (customer, "notice-basis"));
  adw_combo_row_set_selected (self->exposure_row, desk_record_get_enum (affected, "exposure"));
  add_category_rows (self);
}

/* Copies the form into @self->customer. */
static void
read_customer (DeskCustomerDialog *self)
{
  DeskRecord *customer = DESK_RECORD (self->customer);
  g_autofree char *contract = contract_text (self);

#define GET_TEXT(row, field) \
  desk_record_set_string (customer, field, gtk_editable_get_text (GTK_EDITABLE (row)))
  desk_record_set_string (customer, "contract-id", contract);
  GET_TEXT (self->name_row, "name");
  GET_TEXT (self->manager_row, "account-manager");
  GET_TEXT (self->contacts_row, "contacts");
#undef GET_TEXT

  desk_record_set_int (customer, "notice-hours",
                       gtk_spin_button_get_value_as_int (self->hours_spin));
  desk_record_set_enum (customer, "notice-basis", adw_combo_row_get_selected (self->basis_row));
}

/* Copies the form into @self->affected. */
static void
read_affected (DeskCustomerDialog *self)
{
  DeskRecord *affected = DESK_RECORD (self->affected);
  DeskExposure exposure = adw_combo_row_get_selected (self->exposure_row);
  gint64 mask = desk_record_get_int (affected, "categories");

  /* Bits of categories not listed (deleted ones) keep their meaning. */
  for (guint i = 0; i < self->category_checks->len; i++)
    {
      gint64 bit = desk_record_get_int (g_ptr_array_index (self->categories, i), "bit");
      GtkCheckButton *check = g_ptr_array_index (self->category_checks, i);

      if (gtk_check_button_get_active (check))
        mask |= G_GINT64_CONSTANT (1) << bit;
      else
        mask &= ~(G_GINT64_CONSTANT (1) << bit);
    }

  desk_record_set_enum (affected, "exposure", exposure);
  desk_record_set_int (affected, "categories", mask);
  if (exposure == DESK_EXPOSURE_CONFIRMED && desk_record_get_int (affected, "confirmed-at") == 0)
    desk_record_set_int (affected, "confirmed-at", desk_store_now (self->store));
}

static void
finish_saving (DeskCustomerDialog *self)
{
  self->saving = FALSE;
  update_actions (self);
}

/* }}} */
/* Saving {{{ */

/* Whether saving goes on after a step: not if the dialog went away meanwhile (its parent closed),
 * nothing being left to show, nor if the step failed. A contract ID another customer has, or a
 * customer already on the incident, is said under the contract ID, where the person puts it
 * right; other failures in a toast. */
static gboolean
step_succeeded (DeskCustomerDialog *self,
                gboolean            ok,
                const GError       *error)
{
  if (self->store == NULL)
    return FALSE;

  if (ok)
    return TRUE;

  finish_saving (self);
  if (g_error_matches (error, DESK_STORE_ERROR, DESK_STORE_ERROR_DUPLICATE))
    {
      set_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->contract_row));
    }
  else
    desk_show_error (GTK_WIDGET (self), _("Could not save the customer"), error);

  return FALSE;
}

static void
finish_saved (DeskCustomerDialog *self)
{
  self->saving = FALSE;
  desk_dialog_close_saved (GTK_WINDOW (self), signals[DESK_DIALOG_SAVED]);
}

static void
on_customer_added_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(DeskCustomerDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean added = desk_store_add_affected_customer_finish (DESK_STORE (object), result, &error);

  if (step_succeeded (self, added, error))
    finish_saved (self);
}

static void
on_affected_saved_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(DeskCustomerDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean saved = desk_store_save_finish (DESK_STORE (object), result, &error);

  if (!step_succeeded (self, saved, error))
    return;

  desk_record_assign (DESK_RECORD (desk_customer_row_get_customer (self->row)),
                      DESK_RECORD (self->customer));
  desk_record_assign (DESK_RECORD (desk_customer_row_get_affected (self->row)),
                      DESK_RECORD (self->affected));
  finish_saved (self);
}

static void
on_customer_saved_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(DeskCustomerDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean saved = desk_store_save_finish (DESK_STORE (object), result, &error);

  if (step_succeeded (self, saved, error))
    desk_store_save_async (self->store, DESK_RECORD (self->affected), NULL,
                           on_affected_saved_cb, g_object_ref (self));
}

static void
desk_customer_dialog_save_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  DeskCustomerDialog *self = DESK_CUSTOMER_DIALOG (widget);

  if (self->saving)
    return;

  if (self->customer == NULL)
    {
      if (self->row != NULL)
        {
          self->customer = DESK_CUSTOMER (desk_record_copy (
            DESK_RECORD (desk_customer_row_get_customer (self->row))));
          self->affected = DESK_AFFECTED (desk_record_copy (
            DESK_RECORD (desk_customer_row_get_affected (self->row))));
        }
      else
        {
          self->customer = g_object_new (DESK_TYPE_CUSTOMER, NULL);
          self->affected = desk_affected_new (self->incident, self->customer);
        }
    }

  read_customer (self);
  read_affected (self);
  set_error (self, NULL);

  self->saving = TRUE;
  update_actions (self);

  /* No cancellable: once asked for, the write completes even if the dialog is closed. */
  if (self->row == NULL)
    desk_store_add_affected_customer_async (self->store, self->customer, self->affected, NULL,
                                            on_customer_added_cb, g_object_ref (self));
  else
    desk_store_save_async (self->store, DESK_RECORD (self->customer), NULL,
                           on_customer_saved_cb, g_object_ref (self));
}

static void
desk_customer_dialog_remove_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  DeskCustomerDialog *self = DESK_CUSTOMER_DIALOG (widget);

  desk_dialog_request_removal (GTK_WINDOW (self), signals[DESK_DIALOG_REMOVE_REQUESTED],
                               self->row);
}

/* }}} */
/* Callbacks {{{ */

static void
on_contract_changed_cb (DeskCustomerDialog *self)
{
  set_error (self, NULL);
  update_actions (self);
}

/* }}} */
/* GObject {{{ */

static gboolean
desk_customer_dialog_close_request (GtkWindow *window)
{
  return desk_dialog_close_request (window, DESK_CUSTOMER_DIALOG (window)->saving);
}

static void
desk_customer_dialog_dispose (GObject *object)
{
  DeskCustomerDialog *self = DESK_CUSTOMER_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_CUSTOMER_DIALOG);

  g_clear_object (&self->store);
  g_clear_object (&self->incident);
  g_clear_object (&self->row);
  g_clear_object (&self->customer);
  g_clear_object (&self->affected);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->category_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (desk_customer_dialog_parent_class)->dispose (object);
}

static void
desk_customer_dialog_class_init (DeskCustomerDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = desk_customer_dialog_dispose;
  window_class->close_request = desk_customer_dialog_close_request;

  /**
   * DeskCustomerDialog::saved:
   *
   * The customer and its affected record are stored; the dialog closes.
   */
  /**
   * DeskCustomerDialog::remove-requested:
   * @row: the customer's row
   *
   * The person asked to remove the customer from the incident; the dialog has closed, and the
   * receiver confirms and removes.
   */
  desk_dialog_class_setup (widget_class, RESOURCE_BASE "/ui/desk-customer-dialog.ui",
                           DESK_TYPE_CUSTOMER_ROW, signals);
  gtk_widget_class_bind_template_child (widget_class, DeskCustomerDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, DeskCustomerDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, DeskCustomerDialog, contract_row);
  gtk_widget_class_bind_template_child (widget_class, DeskCustomerDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, DeskCustomerDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, DeskCustomerDialog, manager_row);
  gtk_widget_class_bind_template_child (widget_class, DeskCustomerDialog, contacts_row);
  gtk_widget_class_bind_template_child (widget_class, DeskCustomerDialog, hours_spin);
  gtk_widget_class_bind_template_child (widget_class, DeskCustomerDialog, basis_row);
  gtk_widget_class_bind_template_child (widget_class, DeskCustomerDialog, exposure_row);
  gtk_widget_class_bind_template_child (widget_class, DeskCustomerDialog, categories_group);
  gtk_widget_class_bind_template_child (widget_class, DeskCustomerDialog, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, on_contract_changed_cb);

  gtk_widget_class_install_action (widget_class, "customer.save", NULL,
                                   desk_customer_dialog_save_action);
  gtk_widget_class_install_action (widget_class, "customer.remove", NULL,
                                   desk_customer_dialog_remove_action);
}

static void
desk_customer_dialog_init (DeskCustomerDialog *self)
{
  g_autoptr(GListModel) basis = NULL;
  g_autoptr(GListModel) exposure = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  desk_a11y_name_mnemonic_buttons (GTK_WIDGET (self));

  self->category_checks = g_ptr_array_new ();

  basis = desk_dialog_label_model ((DeskLabelFunc) desk_notice_basis_label, 0,
                                   DESK_NOTICE_BASIS_CONFIRMATION + 1);
  adw_combo_row_set_model (self->basis_row, basis);
  exposure = desk_dialog_label_model ((DeskLabelFunc) desk_exposure_label, 0,
                                      DESK_EXPOSURE_CLEARED + 1);
  adw_combo_row_set_model (self->exposure_row, exposure);
}

/* }}} */
/* Public API {{{ */

/**
 * desk_customer_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @categories: (nullable) (element-type DeskCategory): the incident's breach categories
 * @row: (nullable): the customer to edit, or %NULL to add one
 *
 * Returns: (transfer none): a new dialog, owned by GTK's list of windows; present it
 */
DeskCustomerDialog *
desk_customer_dialog_new (GtkWindow       *parent,
                          DeskStore       *store,
                          DeskIncident    *incident,
                          GPtrArray       *categories,
                          DeskCustomerRow *row)
{
  DeskCustomerDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DESK_IS_STORE (store), NULL);
  g_return_val_if_fail (DESK_IS_INCIDENT (incident), NULL);
  g_return_val_if_fail (row == NULL || DESK_IS_CUSTOMER_ROW (row), NULL);

  self = g_object_new (DESK_TYPE_CUSTOMER_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->incident = g_object_ref (incident);
  self->row = row ? g_object_ref (row) : NULL;
  self->categories = categories ? g_ptr_array_ref (categories) : NULL;

  fill_form (self);
  update_actions (self);

  return self;
}

/* Returns: (nullable) (transfer none): the row being edited, or %NULL when adding */
DeskCustomerRow *
desk_customer_dialog_get_row (DeskCustomerDialog *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMER_DIALOG (self), NULL);

  return self->row;
}

/**
 * desk_customer_dialog_get_customer:
 *
 * Returns: (nullable) (transfer none): the customer as stored, once #DeskCustomerDialog::saved is
 *   emitted: when adding, the one on record with the contract ID entered, if there was one
 */
DeskCustomer *
desk_customer_dialog_get_customer (DeskCustomerDialog *self)
{
  g_return_val_if_fail (DESK_IS_CUSTOMER_DIALOG (self), NULL);

  return self->customer;
}

/* }}} */
/* For tests {{{ */

GtkEditable *
_desk_customer_dialog_get_contract_row (DeskCustomerDialog *self)
{
  return GTK_EDITABLE (self->contract_row);
}

GtkEditable *
_desk_customer_dialog_get_name_row (DeskCustomerDialog *self)
{
  return GTK_EDITABLE (self->name_row);
}

GtkEditable *
_desk_customer_dialog_get_manager_row (DeskCustomerDialog *self)
{
  return GTK_EDITABLE (self->manager_row);
}

/* Returns: (nullable): the inline error under the contract id, if one is shown */
const char *
_desk_customer_dialog_get_error (DeskCustomerDialog *self)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;

  return gtk_label_get_label (self->error_label);
}

gboolean
_desk_customer_dialog_is_saving (DeskCustomerDialog *self)
{
  return self->saving;
}

void
_desk_customer_dialog_set_category (DeskCustomerDialog *self,
                                    guint               index,
                                    gboolean            active)
{
  g_return_if_fail (index < self->category_checks->len);

  gtk_check_button_set_active (g_ptr_array_index (self->category_checks, index), active);
}

/* }}} */
