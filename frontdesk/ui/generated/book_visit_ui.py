# Generated from forms/book_visit.ui by tools/compile_forms.py: do not edit.
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

class Ui_BookVisitDialog(object):
    def setupUi(self, BookVisitDialog):
        if not BookVisitDialog.objectName():
            BookVisitDialog.setObjectName(u"BookVisitDialog")
        BookVisitDialog.resize(460, 260)
        self.visitLayout = QVBoxLayout(BookVisitDialog)
        self.visitLayout.setObjectName(u"visitLayout")
        self.introLabel = QLabel(BookVisitDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setText(u"")
        self.introLabel.setWordWrap(True)

        self.visitLayout.addWidget(self.introLabel)

        self.visitForm = QFormLayout()
        self.visitForm.setObjectName(u"visitForm")
        self.dayLabel = QLabel(BookVisitDialog)
        self.dayLabel.setObjectName(u"dayLabel")

        self.visitForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dayLabel)

        self.dayEdit = QLineEdit(BookVisitDialog)
        self.dayEdit.setObjectName(u"dayEdit")

        self.visitForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dayEdit)

        self.windowLabel = QLabel(BookVisitDialog)
        self.windowLabel.setObjectName(u"windowLabel")

        self.visitForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.windowLabel)

        self.windowCombo = QComboBox(BookVisitDialog)
        self.windowCombo.setObjectName(u"windowCombo")

        self.visitForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.windowCombo)

        self.technicianLabel = QLabel(BookVisitDialog)
        self.technicianLabel.setObjectName(u"technicianLabel")

        self.visitForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.technicianLabel)

        self.technicianCombo = QComboBox(BookVisitDialog)
        self.technicianCombo.setObjectName(u"technicianCombo")

        self.visitForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.technicianCombo)

        self.addressLabel = QLabel(BookVisitDialog)
        self.addressLabel.setObjectName(u"addressLabel")

        self.visitForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QLineEdit(BookVisitDialog)
        self.addressEdit.setObjectName(u"addressEdit")

        self.visitForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.addressEdit)


        self.visitLayout.addLayout(self.visitForm)

        self.messageLabel = QLabel(BookVisitDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.visitLayout.addWidget(self.messageLabel)

        self.buttons = QDialogButtonBox(BookVisitDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.visitLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.dayLabel.setBuddy(self.dayEdit)
        self.windowLabel.setBuddy(self.windowCombo)
        self.technicianLabel.setBuddy(self.technicianCombo)
        self.addressLabel.setBuddy(self.addressEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.dayEdit, self.windowCombo)
        QWidget.setTabOrder(self.windowCombo, self.technicianCombo)
        QWidget.setTabOrder(self.technicianCombo, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.buttons)

        self.retranslateUi(BookVisitDialog)
    # setupUi

    def retranslateUi(self, BookVisitDialog):
        BookVisitDialog.setWindowTitle(QCoreApplication.translate("BookVisitDialog", u"Book a visit", None))
        self.dayLabel.setText(QCoreApplication.translate("BookVisitDialog", u"&Day", None))
        self.dayEdit.setPlaceholderText(QCoreApplication.translate("BookVisitDialog", u"YYYY-MM-DD", None))
        self.windowLabel.setText(QCoreApplication.translate("BookVisitDialog", u"T&ime", None))
        self.technicianLabel.setText(QCoreApplication.translate("BookVisitDialog", u"&Technician", None))
        self.addressLabel.setText(QCoreApplication.translate("BookVisitDialog", u"&Address", None))
    # retranslateUi

