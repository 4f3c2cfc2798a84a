# Generated from forms/audit.ui by tools/compile_forms.py: do not edit.
from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout, QWidget

class Ui_AuditScreen(object):
    def setupUi(self, AuditScreen):
        if not AuditScreen.objectName():
            AuditScreen.setObjectName(u"AuditScreen")
        AuditScreen.resize(1000, 640)
        self.auditLayout = QVBoxLayout(AuditScreen)
        self.auditLayout.setObjectName(u"auditLayout")
        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.fromLabel = QLabel(AuditScreen)
        self.fromLabel.setObjectName(u"fromLabel")

        self.filterLayout.addWidget(self.fromLabel)

        self.fromEdit = QLineEdit(AuditScreen)
        self.fromEdit.setObjectName(u"fromEdit")
        self.fromEdit.setMaximumSize(QSize(120, 16777215))

        self.filterLayout.addWidget(self.fromEdit)

        self.toLabel = QLabel(AuditScreen)
        self.toLabel.setObjectName(u"toLabel")

        self.filterLayout.addWidget(self.toLabel)

        self.toEdit = QLineEdit(AuditScreen)
        self.toEdit.setObjectName(u"toEdit")
        self.toEdit.setMaximumSize(QSize(120, 16777215))

        self.filterLayout.addWidget(self.toEdit)

        self.userLabel = QLabel(AuditScreen)
        self.userLabel.setObjectName(u"userLabel")

        self.filterLayout.addWidget(self.userLabel)

        self.userCombo = QComboBox(AuditScreen)
        self.userCombo.setObjectName(u"userCombo")

        self.filterLayout.addWidget(self.userCombo)

        self.actionLabel = QLabel(AuditScreen)
        self.actionLabel.setObjectName(u"actionLabel")

        self.filterLayout.addWidget(self.actionLabel)

        self.actionCombo = QComboBox(AuditScreen)
        self.actionCombo.setObjectName(u"actionCombo")
        self.actionCombo.setEditable(True)
        self.actionCombo.setMinimumSize(QSize(160, 0))

        self.filterLayout.addWidget(self.actionCombo)

        self.referenceEdit = QLineEdit(AuditScreen)
        self.referenceEdit.setObjectName(u"referenceEdit")
        self.referenceEdit.setClearButtonEnabled(True)

        self.filterLayout.addWidget(self.referenceEdit)

        self.showButton = QPushButton(AuditScreen)
        self.showButton.setObjectName(u"showButton")

        self.filterLayout.addWidget(self.showButton)


        self.auditLayout.addLayout(self.filterLayout)

        self.table = QTableView(AuditScreen)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setAlternatingRowColors(True)

        self.auditLayout.addWidget(self.table)

        self.bottomLayout = QHBoxLayout()
        self.bottomLayout.setObjectName(u"bottomLayout")
        self.messageLabel = QLabel(AuditScreen)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.bottomLayout.addWidget(self.messageLabel)

        self.bottomSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bottomLayout.addItem(self.bottomSpacer)

        self.verifyButton = QPushButton(AuditScreen)
        self.verifyButton.setObjectName(u"verifyButton")

        self.bottomLayout.addWidget(self.verifyButton)

        self.unlockButton = QPushButton(AuditScreen)
        self.unlockButton.setObjectName(u"unlockButton")

        self.bottomLayout.addWidget(self.unlockButton)

        self.bottomLayout.setStretch(0, 1)

        self.auditLayout.addLayout(self.bottomLayout)

#if QT_CONFIG(shortcut)
        self.fromLabel.setBuddy(self.fromEdit)
        self.toLabel.setBuddy(self.toEdit)
        self.userLabel.setBuddy(self.userCombo)
        self.actionLabel.setBuddy(self.actionCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.fromEdit, self.toEdit)
        QWidget.setTabOrder(self.toEdit, self.userCombo)
        QWidget.setTabOrder(self.userCombo, self.actionCombo)
        QWidget.setTabOrder(self.actionCombo, self.referenceEdit)
        QWidget.setTabOrder(self.referenceEdit, self.showButton)
        QWidget.setTabOrder(self.showButton, self.table)
        QWidget.setTabOrder(self.table, self.unlockButton)

        self.retranslateUi(AuditScreen)
    # setupUi

    def retranslateUi(self, AuditScreen):
        self.fromLabel.setText(QCoreApplication.translate("AuditScreen", u"F&rom", None))
        self.fromEdit.setPlaceholderText(QCoreApplication.translate("AuditScreen", u"YYYY-MM-DD", None))
        self.toLabel.setText(QCoreApplication.translate("AuditScreen", u"&to", None))
        self.toEdit.setPlaceholderText(QCoreApplication.translate("AuditScreen", u"YYYY-MM-DD", None))
        self.userLabel.setText(QCoreApplication.translate("AuditScreen", u"&User", None))
        self.actionLabel.setText(QCoreApplication.translate("AuditScreen", u"&Action", None))
        self.referenceEdit.setPlaceholderText(QCoreApplication.translate("AuditScreen", u"ticket or receipt number", None))
        self.showButton.setText(QCoreApplication.translate("AuditScreen", u"&Show", None))
#if QT_CONFIG(tooltip)
        self.verifyButton.setToolTip(QCoreApplication.translate("AuditScreen", u"Check that no audit record was changed or removed (reading only)", None))
#endif // QT_CONFIG(tooltip)
        self.verifyButton.setText(QCoreApplication.translate("AuditScreen", u"&Verify the trail", None))
        self.unlockButton.setText(QCoreApplication.translate("AuditScreen", u"Ask a &manager\u2026", None))
        pass
    # retranslateUi

