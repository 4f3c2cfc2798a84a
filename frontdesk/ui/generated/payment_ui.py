# Generated from forms/payment.ui by tools/compile_forms.py: do not edit.
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

class Ui_PaymentDialog(object):
    def setupUi(self, PaymentDialog):
        if not PaymentDialog.objectName():
            PaymentDialog.setObjectName(u"PaymentDialog")
        PaymentDialog.resize(420, 300)
        self.paymentLayout = QVBoxLayout(PaymentDialog)
        self.paymentLayout.setObjectName(u"paymentLayout")
        self.ticketLabel = QLabel(PaymentDialog)
        self.ticketLabel.setObjectName(u"ticketLabel")
        self.ticketLabel.setText(u"")
        self.ticketLabel.setWordWrap(True)
        self.ticketLabel.setTextFormat(Qt.RichText)

        self.paymentLayout.addWidget(self.ticketLabel)

        self.paymentForm = QFormLayout()
        self.paymentForm.setObjectName(u"paymentForm")
        self.methodLabel = QLabel(PaymentDialog)
        self.methodLabel.setObjectName(u"methodLabel")

        self.paymentForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.methodLabel)

        self.methodCombo = QComboBox(PaymentDialog)
        self.methodCombo.setObjectName(u"methodCombo")

        self.paymentForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.methodCombo)

        self.amountLabel = QLabel(PaymentDialog)
        self.amountLabel.setObjectName(u"amountLabel")

        self.paymentForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.amountLabel)

        self.amountEdit = QLineEdit(PaymentDialog)
        self.amountEdit.setObjectName(u"amountEdit")

        self.paymentForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.amountEdit)

        self.tenderedLabel = QLabel(PaymentDialog)
        self.tenderedLabel.setObjectName(u"tenderedLabel")

        self.paymentForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.tenderedLabel)

        self.tenderedEdit = QLineEdit(PaymentDialog)
        self.tenderedEdit.setObjectName(u"tenderedEdit")

        self.paymentForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.tenderedEdit)

        self.changeTitle = QLabel(PaymentDialog)
        self.changeTitle.setObjectName(u"changeTitle")

        self.paymentForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.changeTitle)

        self.changeLabel = QLabel(PaymentDialog)
        self.changeLabel.setObjectName(u"changeLabel")
        self.changeLabel.setText(u"")
        self.changeLabel.setStyleSheet(u"font-size: 20px; font-weight: bold;")

        self.paymentForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.changeLabel)


        self.paymentLayout.addLayout(self.paymentForm)

        self.messageLabel = QLabel(PaymentDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.paymentLayout.addWidget(self.messageLabel)

        self.buttons = QDialogButtonBox(PaymentDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.paymentLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.methodLabel.setBuddy(self.methodCombo)
        self.amountLabel.setBuddy(self.amountEdit)
        self.tenderedLabel.setBuddy(self.tenderedEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.methodCombo, self.amountEdit)
        QWidget.setTabOrder(self.amountEdit, self.tenderedEdit)
        QWidget.setTabOrder(self.tenderedEdit, self.buttons)

        self.retranslateUi(PaymentDialog)
    # setupUi

    def retranslateUi(self, PaymentDialog):
        PaymentDialog.setWindowTitle(QCoreApplication.translate("PaymentDialog", u"Take a payment", None))
        self.methodLabel.setText(QCoreApplication.translate("PaymentDialog", u"&Method", None))
        self.amountLabel.setText(QCoreApplication.translate("PaymentDialog", u"&Amount", None))
        self.tenderedLabel.setText(QCoreApplication.translate("PaymentDialog", u"&Tendered", None))
        self.tenderedEdit.setPlaceholderText(QCoreApplication.translate("PaymentDialog", u"cash handed over", None))
        self.changeTitle.setText(QCoreApplication.translate("PaymentDialog", u"Change", None))
    # retranslateUi

