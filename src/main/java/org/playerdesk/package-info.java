/**
 * PlayerDesk: a customer-service platform for online game operators. Each sub-package is an
 * application module with a small public API in its root package; everything in its
 * sub-packages is internal to it (verified by Spring Modulith).
 */
package org.playerdesk;
