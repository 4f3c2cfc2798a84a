# Generated from forms/loan.ui by tools/compile_forms.py: do not edit.
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

class Ui_LoanDialog(object):
    def setupUi(self, LoanDialog):
        if not LoanDialog.objectName():
            LoanDialog.setObjectName(u"LoanDialog")
        LoanDialog.resize(480, 420)
        self.loanLayout = QVBoxLayout(LoanDialog)
        self.loanLayout.setObjectName(u"loanLayout")
        self.introLabel = QLabel(LoanDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setText(u"")
        self.introLabel.setWordWrap(True)
        self.introLabel.setTextFormat(Qt.RichText)

        self.loanLayout.addWidget(self.introLabel)

        self.loanForm = QFormLayout()
        self.loanForm.setObjectName(u"loanForm")
        self.ticketLabel = QLabel(LoanDialog)
        self.ticketLabel.setObjectName(u"ticketLabel")

        self.loanForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.ticketLabel)

        self.ticketEdit = QLineEdit(LoanDialog)
        self.ticketEdit.setObjectName(u"ticketEdit")

        self.loanForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.ticketEdit)

        self.tagLabel = QLabel(LoanDialog)
        self.tagLabel.setObjectName(u"tagLabel")

        self.loanForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.tagLabel)

        self.tagEdit = QLineEdit(LoanDialog)
        self.tagEdit.setObjectName(u"tagEdit")

        self.loanForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.tagEdit)

        self.dueLabel = QLabel(LoanDialog)
        self.dueLabel.setObjectName(u"dueLabel")

        self.loanForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.dueLabel)

        self.dueEdit = QLineEdit(LoanDialog)
        self.dueEdit.setObjectName(u"dueEdit")

        self.loanForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.dueEdit)

        self.conditionLabel = QLabel(LoanDialog)
        self.conditionLabel.setObjectName(u"conditionLabel")

        self.loanForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.conditionLabel)

        self.conditionEdit = QLineEdit(LoanDialog)
        self.conditionEdit.setObjectName(u"conditionEdit")

        self.loanForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.conditionEdit)

        self.depositLabel = QLabel(LoanDialog)
        self.depositLabel.setObjectName(u"depositLabel")

        self.loanForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.depositLabel)

        self.depositEdit = QLineEdit(LoanDialog)
        self.depositEdit.setObjectName(u"depositEdit")

        self.loanForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.depositEdit)

        self.methodLabel = QLabel(LoanDialog)
        self.methodLabel.setObjectName(u"methodLabel")

        self.loanForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.methodLabel)

        self.methodCombo = QComboBox(LoanDialog)
        self.methodCombo.setObjectName(u"methodCombo")

        self.loanForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.methodCombo)

        self.agreementCheck = QCheckBox(LoanDialog)
        self.agreementCheck.setObjectName(u"agreementCheck")
        self.agreementCheck.setChecked(True)

        self.loanForm.setWidget(6, QFormLayout.ItemRole.SpanningRole, self.agreementCheck)

        self.damageLabel = QLabel(LoanDialog)
        self.damageLabel.setObjectName(u"damageLabel")

        self.loanForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.damageLabel)

        self.damageEdit = QLineEdit(LoanDialog)
        self.damageEdit.setObjectName(u"damageEdit")

        self.loanForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.damageEdit)

        self.keepLabel = QLabel(LoanDialog)
        self.keepLabel.setObjectName(u"keepLabel")

        self.loanForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.keepLabel)

        self.keepEdit = QLineEdit(LoanDialog)
        self.keepEdit.setObjectName(u"keepEdit")

        self.loanForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.keepEdit)

        self.maintenanceCheck = QCheckBox(LoanDialog)
        self.maintenanceCheck.setObjectName(u"maintenanceCheck")

        self.loanForm.setWidget(9, QFormLayout.ItemRole.SpanningRole, self.maintenanceCheck)


        self.loanLayout.addLayout(self.loanForm)

        self.messageLabel = QLabel(LoanDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.loanLayout.addWidget(self.messageLabel)

        self.buttons = QDialogButtonBox(LoanDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.loanLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.ticketLabel.setBuddy(self.ticketEdit)
        self.tagLabel.setBuddy(self.tagEdit)
        self.dueLabel.setBuddy(self.dueEdit)
        self.conditionLabel.setBuddy(self.conditionEdit)
        self.depositLabel.setBuddy(self.depositEdit)
        self.methodLabel.setBuddy(self.methodCombo)
        self.damageLabel.setBuddy(self.damageEdit)
        self.keepLabel.setBuddy(self.keepEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.ticketEdit, self.tagEdit)
        QWidget.setTabOrder(self.tagEdit, self.dueEdit)
        QWidget.setTabOrder(self.dueEdit, self.conditionEdit)
        QWidget.setTabOrder(self.conditionEdit, self.depositEdit)
        QWidget.setTabOrder(self.depositEdit, self.methodCombo)
        QWidget.setTabOrder(self.methodCombo, self.agreementCheck)
        QWidget.setTabOrder(self.agreementCheck, self.damageEdit)
        QWidget.setTabOrder(self.damageEdit, self.keepEdit)
        QWidget.setTabOrder(self.keepEdit, self.maintenanceCheck)
        QWidget.setTabOrder(self.maintenanceCheck, self.buttons)

        self.retranslateUi(LoanDialog)
    # setupUi

    def retranslateUi(self, LoanDialog):
        LoanDialog.setWindowTitle(QCoreApplication.translate("LoanDialog", u"Loaner", None))
        self.ticketLabel.setText(QCoreApplication.translate("LoanDialog", u"&Ticket", None))
        self.ticketEdit.setPlaceholderText(QCoreApplication.translate("LoanDialog", u"T2026-000123", None))
        self.tagLabel.setText(QCoreApplication.translate("LoanDialog", u"&Asset tag", None))
        self.tagEdit.setPlaceholderText(QCoreApplication.translate("LoanDialog", u"scan the tag", None))
        self.dueLabel.setText(QCoreApplication.translate("LoanDialog", u"&Due back", None))
        self.dueEdit.setPlaceholderText(QCoreApplication.translate("LoanDialog", u"YYYY-MM-DD", None))
        self.conditionLabel.setText(QCoreApplication.translate("LoanDialog", u"&Condition", None))
        self.conditionEdit.setPlaceholderText(QCoreApplication.translate("LoanDialog", u"as checked with the customer", None))
        self.depositLabel.setText(QCoreApplication.translate("LoanDialog", u"De&posit", None))
        self.depositEdit.setPlaceholderText(QCoreApplication.translate("LoanDialog", u"empty: no deposit", None))
        self.methodLabel.setText(QCoreApplication.translate("LoanDialog", u"&Method", None))
        self.agreementCheck.setText(QCoreApplication.translate("LoanDialog", u"The customer signed the loaner agreement", None))
        self.damageLabel.setText(QCoreApplication.translate("LoanDialog", u"Dama&ge", None))
        self.damageEdit.setPlaceholderText(QCoreApplication.translate("LoanDialog", u"what is damaged or missing, if anything", None))
        self.keepLabel.setText(QCoreApplication.translate("LoanDialog", u"&Keep for damage", None))
        self.keepEdit.setPlaceholderText(QCoreApplication.translate("LoanDialog", u"amount kept from the deposit (a manager approves); empty: refund it all", None))
        self.maintenanceCheck.setText(QCoreApplication.translate("LoanDialog", u"Send the unit to maintenance", None))
    # retranslateUi

