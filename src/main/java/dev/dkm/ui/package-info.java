/**
 * The JavaFX window: views, view models, FXML, CSS. Calls use cases; never JGit, Retrofit or MINA directly.
 */
package dev.dkm.ui;
