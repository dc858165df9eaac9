;;; ochre.el --- ochre language server for Emacs (eglot)  -*- lexical-binding: t; -*-

;; Load this file (M-x load-file, or (load "/path/to/ochre.el") in your
;; init file); JavaScript buffers then start ochre with M-x eglot, or
;; automatically with the hook at the end. Needs eglot (built into Emacs
;; 29; a package for Emacs 26-28).

;;; Code:

(require 'eglot)

(defgroup ochre nil
  "The ochre JavaScript language server."
  :group 'tools)

(defcustom ochre-command '("ochre" "lsp")
  "Command line that starts the ochre language server."
  :type '(repeat string)
  :group 'ochre)

;; eglot shows pushed diagnostics (flymake); ask ochre for those only.
(defclass ochre-eglot-server (eglot-lsp-server) ()
  :documentation "The ochre language server.")

(cl-defmethod eglot-initialization-options ((_server ochre-eglot-server))
  '(:diagnostics "push"))

(add-to-list 'eglot-server-programs
             `(((js-mode :language-id "javascript")
                (js-ts-mode :language-id "javascript")
                (js-jsx-mode :language-id "javascriptreact")
                (rjsx-mode :language-id "javascriptreact"))
               . (ochre-eglot-server . ,ochre-command)))

;; Start automatically in JavaScript buffers; remove to start by hand.
(add-hook 'js-mode-hook #'eglot-ensure)
(add-hook 'js-ts-mode-hook #'eglot-ensure)

(provide 'ochre)
;;; ochre.el ends here
